// @ts-check
// Is a build output older than its inputs? The newest modification time among
// the input files, passing over what is never an input (outputs, dependencies,
// tests and test support, databases). Plain JavaScript so that the CLI launcher
// (build/hakusho.mjs) can ask it before any TypeScript is compiled; the packaging
// check (build-outputs.ts) asks the same question of its builds.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Folders and files that are never inputs (outputs, tests, dependencies).
 * @param {string} rel a path relative to the project, with forward slashes
 */
export function ignoredInput(rel) {
  return (
    /(^|\/)(node_modules|dist|dist-electron|dist-cli|release|\.cache)(\/|$)/.test(rel) ||
    /\.(test|spec)\.[cm]?[jt]s$/.test(rel) ||
    /(^|\/)(tests?|testing|__tests__)(\/|$)/.test(rel) ||
    /\.sqlite(-\w+)?$/.test(rel)
  );
}

/**
 * Newest modification time among the inputs (0 when none exist).
 * @param {string} root the project folder
 * @param {readonly string[]} inputs files or folders relative to it
 */
export function newestInputMtime(root, inputs) {
  let newest = 0;
  /** @param {string} rel */
  const visit = (rel) => {
    if (ignoredInput(rel)) return;
    const abs = path.join(root, rel);
    let st;
    try {
      st = statSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(abs)) visit(path.posix.join(rel, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const input of inputs) visit(input);
  return newest;
}

/**
 * Modification time of a file, or null when it does not exist.
 * @param {string} file
 */
export function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
