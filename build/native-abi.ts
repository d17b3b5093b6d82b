// Which Node ABI a native module was compiled for, read from the binary itself.
// better-sqlite3 registers through NODE_MODULE_INIT, whose exported symbol is
// `node_register_module_v<NODE_MODULE_VERSION>` on every OS (ELF, PE, Mach-O).
// `npm run dist` uses it to prove the packaged module was rebuilt for Electron;
// `npm run dist:check` only reports it (offline, the Node build is what ships).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The NODE_MODULE_VERSION values a binary registers for (usually exactly one). */
export function moduleAbiVersions(binary: Uint8Array): number[] {
  const text = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength).toString('latin1');
  const found = new Set<number>();
  for (const m of text.matchAll(/node_register_module_v(\d+)/g)) found.add(Number(m[1]));
  return [...found].sort((a, b) => a - b);
}

/** NODE_MODULE_VERSION of the installed Electron (its package ships an abi_version file). */
export function electronAbi(projectDir: string): number {
  const file = path.join(projectDir, 'node_modules', 'electron', 'abi_version');
  const text = readFileSync(file, 'utf8').trim();
  if (!/^\d+$/.test(text)) throw new Error(`${file} does not hold an ABI number: ${text}`);
  return Number(text);
}

/** One line saying what a module's ABI means for the app. */
export function describeAbi(found: number[], electron: number, node: number): string {
  if (found.length === 0) return 'no node_register_module_v symbol (N-API or not a Node module)';
  const list = found.join(', ');
  if (found.includes(electron)) return `ABI ${list}: built for Electron (ABI ${electron})`;
  if (found.includes(node))
    return `ABI ${list}: built for Node ${process.versions.node} (ABI ${node}), not for Electron (ABI ${electron})`;
  return `ABI ${list}: matches neither Electron (${electron}) nor this Node (${node})`;
}
