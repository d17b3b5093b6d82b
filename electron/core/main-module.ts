// "Is this module the program Node was started with?" — the check every script
// with a command-line entry makes before it runs (the CLI, the browser edition,
// the build scripts). Comparing real paths, not file-name patterns, keeps it true
// when the script is run through a symbolic link (npm's `bin` links) or a bundle,
// and false when a test imports the module.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * True when `moduleUrl` (the caller's `import.meta.url`) is the script in
 * `argv1` (process.argv[1]), which Node also accepts without its extension.
 */
export function isMainModule(
  moduleUrl: string,
  argv1: string | undefined = process.argv[1],
): boolean {
  if (argv1 === undefined || argv1.length === 0 || !moduleUrl.startsWith('file:')) return false;
  const module = realPath(fileURLToPath(moduleUrl));
  const script = path.resolve(argv1);
  if (realPath(script) === module) return true;
  return (
    path.extname(script) === '' &&
    path.extname(module) !== '' &&
    realPath(`${script}${path.extname(module)}`) === module
  );
}
