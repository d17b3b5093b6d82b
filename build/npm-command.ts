// How the build scripts run an npm script on every platform. On Windows `npm` is
// a batch file (npm.cmd), and since Node 18.20.2 / 20.12.2 (CVE-2024-27980)
// spawning a .bat or .cmd without a shell fails with EINVAL — while package.json
// `engines` allows any Node from 20.11. So npm's own CLI script is run with the
// Node that runs us: the one npm names in `npm_execpath` when it started this
// process (npm start, npm run …), else the npm-cli.js installed beside Node.
// Plain `npm` from PATH is kept for POSIX systems where neither is found (it is an
// executable there); on Windows that case is an error that says what to do.
import path from 'node:path';

export interface NpmContext {
  platform: NodeJS.Platform;
  /** process.execPath: the Node binary running this script. */
  execPath: string;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
}

export interface NpmInvocation {
  command: string;
  args: string[];
}

/** Where a Node installation keeps npm's CLI script (Windows: beside node.exe). */
export function bundledNpmCli(platform: NodeJS.Platform, execPath: string): string {
  if (platform === 'win32') {
    return path.win32.join(
      path.win32.dirname(execPath),
      'node_modules',
      'npm',
      'bin',
      'npm-cli.js',
    );
  }
  const prefix = path.posix.dirname(path.posix.dirname(execPath));
  return path.posix.join(prefix, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
}

/** The command and arguments that run `npm <npmArgs>`, spawned without a shell. */
export function npmInvocation(npmArgs: readonly string[], ctx: NpmContext): NpmInvocation {
  const fromNpm = ctx.env.npm_execpath;
  const basename = (p: string) => p.split(/[\\/]/).pop() ?? '';
  if (fromNpm && basename(fromNpm) === 'npm-cli.js' && ctx.exists(fromNpm)) {
    return { command: ctx.execPath, args: [fromNpm, ...npmArgs] };
  }
  const bundled = bundledNpmCli(ctx.platform, ctx.execPath);
  if (ctx.exists(bundled)) return { command: ctx.execPath, args: [bundled, ...npmArgs] };
  if (ctx.platform !== 'win32') return { command: 'npm', args: [...npmArgs] };
  throw new Error(
    `cannot find npm's CLI (npm_execpath is not npm-cli.js, and ${bundled} does not exist): run this through npm (npm start, npm run …)`,
  );
}

/** npmInvocation for this process. */
export function npmHere(
  npmArgs: readonly string[],
  exists: (file: string) => boolean,
): NpmInvocation {
  return npmInvocation(npmArgs, {
    platform: process.platform,
    execPath: process.execPath,
    env: process.env,
    exists,
  });
}
