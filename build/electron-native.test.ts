// The Electron copy of better-sqlite3, with the build tools stubbed: which tool
// runs where and with what, the ABI check that refuses a wrong build, the cache,
// and that node_modules' own Node build is never touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  abiProblem,
  buildEnv,
  ensureElectronNative,
  nativeCacheFile,
  nativeTarget,
  stepFailureLine,
  type NativeTarget,
  type StepRunner,
} from './electron-native';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const TARGET: NativeTarget = {
  electronVersion: '45.5.0',
  abi: 150,
  sqliteVersion: '12.11.1',
  platform: 'linux',
  arch: 'x64',
};
const NODE_BUILD = '\x7fELF..node_register_module_v115..';
const electronBuild = (abi = 150): string => `\x7fELF..node_register_module_v${abi}..`;

/** A checkout with node_modules/better-sqlite3 (Node build) and node_modules/electron. */
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-native-'));
  dirs.push(root);
  const files: Record<string, string> = {
    'package.json': '{}',
    'node_modules/better-sqlite3/package.json': '{"name":"better-sqlite3","version":"12.11.1"}',
    'node_modules/better-sqlite3/binding.gyp': '{}',
    'node_modules/better-sqlite3/src/better_sqlite3.cpp': '// source',
    'node_modules/better-sqlite3/lib/index.js': '',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': NODE_BUILD,
    'node_modules/electron/package.json': '{"name":"electron","version":"45.5.0"}',
    'node_modules/electron/abi_version': '150\n',
  };
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), body);
  }
  return root;
}

interface Call {
  script: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  sawSources: boolean;
  sawNodeBuild: boolean;
}

/** A runner whose tools "produce" a module of the given ABI, or fail. */
function runner(outcomes: Record<string, { abi: number } | { fail: string }>): {
  run: StepRunner;
  calls: Call[];
} {
  const calls: Call[] = [];
  const run: StepRunner = (script, args, { cwd, env }) => {
    calls.push({
      script,
      args,
      cwd,
      env,
      sawSources: fs.existsSync(path.join(cwd, 'src', 'better_sqlite3.cpp')),
      sawNodeBuild: fs.existsSync(path.join(cwd, 'build', 'Release', 'better_sqlite3.node')),
    });
    const outcome = outcomes[script];
    if (!outcome) throw new Error(`unexpected ${script}`);
    if ('fail' in outcome) return Promise.resolve({ ok: false, output: outcome.fail });
    const product = path.join(cwd, 'build', 'Release', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(product), { recursive: true });
    fs.writeFileSync(product, electronBuild(outcome.abi));
    return Promise.resolve({ ok: true, output: 'ok' });
  };
  return { run, calls };
}

const tools = { prebuildInstall: '/tools/prebuild-install.js', nodeGyp: '/tools/node-gyp.js' };
const env = { PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' };

function unchangedNodeBuild(root: string): void {
  const file = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  expect(fs.readFileSync(file, 'latin1')).toBe(NODE_BUILD);
  expect(fs.readdirSync(path.dirname(file))).toEqual(['better_sqlite3.node']);
}

describe('ensureElectronNative', () => {
  it("uses better-sqlite3's prebuilt binary for Electron when there is one, in a temp copy", async () => {
    const root = project();
    const { run, calls } = runner({ [tools.prebuildInstall]: { abi: 150 } });
    const logs: string[] = [];
    const result = await ensureElectronNative({
      root,
      target: TARGET,
      log: (l) => logs.push(l),
      run,
      env,
      ...tools,
    });
    const cached = nativeCacheFile(root, TARGET);
    expect(result).toEqual({ ok: true, file: cached });
    expect(cached).toBe(
      path.join(
        root,
        '.cache/electron-native/45.5.0/linux-x64-better-sqlite3-12.11.1/better_sqlite3.node',
      ),
    );
    expect(fs.readFileSync(cached, 'latin1')).toBe(electronBuild(150));
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.args).toEqual([
      '--runtime',
      'electron',
      '--target',
      '45.5.0',
      '--arch',
      'x64',
      '--platform',
      'linux',
    ]);
    expect(call!.cwd.startsWith(path.join(root, 'node_modules'))).toBe(false);
    expect(call!.sawSources).toBe(true);
    expect(call!.sawNodeBuild).toBe(false);
    expect(call!.env.npm_config_nodedir).toBeUndefined();
    expect(call!.env.NPM_CONFIG_NODEDIR).toBeUndefined();
    expect(call!.env.PATH).toBe('/usr/bin');
    expect(fs.existsSync(call!.cwd)).toBe(false);
    unchangedNodeBuild(root);
    expect(logs.join('\n')).toContain('prebuilt better-sqlite3 12.11.1 for Electron 45.5.0');
  });

  it('a cached copy of the right ABI is used as is; nothing runs', async () => {
    const root = project();
    const cached = nativeCacheFile(root, TARGET);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, electronBuild(150));
    const { run, calls } = runner({});
    expect(
      await ensureElectronNative({ root, target: TARGET, log: () => {}, run, env, ...tools }),
    ).toEqual({
      ok: true,
      file: cached,
    });
    expect(calls).toEqual([]);
  });

  it('another Electron version gets its own copy', async () => {
    const root = project();
    const other = { ...TARGET, electronVersion: '46.0.0', abi: 154 };
    expect(nativeCacheFile(root, other)).not.toBe(nativeCacheFile(root, TARGET));
    const cached = nativeCacheFile(root, TARGET);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, electronBuild(150));
    const { run, calls } = runner({ [tools.prebuildInstall]: { abi: 154 } });
    const result = await ensureElectronNative({
      root,
      target: other,
      log: () => {},
      run,
      env,
      ...tools,
    });
    expect(result).toEqual({ ok: true, file: nativeCacheFile(root, other) });
    expect(calls).toHaveLength(1);
  });

  it('a cached copy of the wrong ABI is replaced', async () => {
    const root = project();
    const cached = nativeCacheFile(root, TARGET);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, electronBuild(115));
    const { run, calls } = runner({ [tools.prebuildInstall]: { abi: 150 } });
    const logs: string[] = [];
    const result = await ensureElectronNative({
      root,
      target: TARGET,
      log: (l) => logs.push(l),
      run,
      env,
      ...tools,
    });
    expect(result).toEqual({ ok: true, file: cached });
    expect(calls).toHaveLength(1);
    expect(fs.readFileSync(cached, 'latin1')).toBe(electronBuild(150));
    expect(logs.join('\n')).toContain("registers ABI 115, not Electron's 150");
  });

  it("no prebuilt binary → compiles with node-gyp against Electron's headers", async () => {
    const root = project();
    const { run, calls } = runner({
      [tools.prebuildInstall]: {
        fail: 'prebuild-install warn install No prebuilt binaries found (target=45.5.0 runtime=electron arch=x64 libc= platform=linux)',
      },
      [tools.nodeGyp]: { abi: 150 },
    });
    const result = await ensureElectronNative({
      root,
      target: TARGET,
      log: () => {},
      run,
      env,
      ...tools,
    });
    expect(result).toEqual({ ok: true, file: nativeCacheFile(root, TARGET) });
    expect(calls.map((c) => c.script)).toEqual([tools.prebuildInstall, tools.nodeGyp]);
    expect(calls[1]!.args).toEqual([
      'rebuild',
      '--release',
      '--target=45.5.0',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ]);
    expect(calls[1]!.env.npm_config_nodedir).toBeUndefined();
    expect(calls[1]!.sawSources).toBe(true);
    unchangedNodeBuild(root);
  });

  it('a prebuilt binary of the wrong ABI is not used; the compile is tried', async () => {
    const root = project();
    const { run, calls } = runner({
      [tools.prebuildInstall]: { abi: 115 },
      [tools.nodeGyp]: { abi: 150 },
    });
    const result = await ensureElectronNative({
      root,
      target: TARGET,
      log: () => {},
      run,
      env,
      ...tools,
    });
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.sawNodeBuild).toBe(false);
  });

  it('refuses a compile that produced the wrong ABI (e.g. built for Node), caching nothing', async () => {
    const root = project();
    const { run } = runner({
      [tools.prebuildInstall]: { fail: 'prebuild-install warn install Request timed out' },
      [tools.nodeGyp]: { abi: 115 },
    });
    const result = await ensureElectronNative({
      root,
      target: TARGET,
      log: () => {},
      run,
      env,
      ...tools,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(
        "the compiled module is unusable: it registers ABI 115, not Electron's 150",
      );
      expect(result.reason).toContain(
        '.cache/electron-native/45.5.0/linux-x64-better-sqlite3-12.11.1/build.log',
      );
      expect(result.reason).not.toContain('\n');
    }
    expect(fs.existsSync(nativeCacheFile(root, TARGET))).toBe(false);
    unchangedNodeBuild(root);
  });

  it('both offline: one reason naming both failures, and the log kept', async () => {
    const root = project();
    const { run } = runner({
      [tools.prebuildInstall]: {
        fail: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
      },
      [tools.nodeGyp]: {
        fail: 'gyp info it worked\ngyp ERR! stack Error: getaddrinfo ENOTFOUND electronjs.org\ngyp ERR! stack     at x (y.js:1:1)\ngyp ERR! not ok',
      },
    });
    const result = await ensureElectronNative({
      root,
      target: TARGET,
      log: () => {},
      run,
      env,
      ...tools,
    });
    expect(result).toEqual({
      ok: false,
      reason:
        'no prebuilt binary (getaddrinfo ENOTFOUND github.com); compiling failed (getaddrinfo ENOTFOUND electronjs.org) — log: .cache/electron-native/45.5.0/linux-x64-better-sqlite3-12.11.1/build.log',
    });
    const log = fs.readFileSync(
      path.join(root, '.cache/electron-native/45.5.0/linux-x64-better-sqlite3-12.11.1/build.log'),
      'utf8',
    );
    expect(log).toContain('$ node-gyp rebuild --release --target=45.5.0');
    unchangedNodeBuild(root);
  });

  it('without better-sqlite3 installed says so', async () => {
    const root = project();
    fs.rmSync(path.join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
    const { run, calls } = runner({});
    expect(
      await ensureElectronNative({ root, target: TARGET, log: () => {}, run, env, ...tools }),
    ).toEqual({
      ok: false,
      reason: 'better-sqlite3 is not installed',
    });
    expect(calls).toEqual([]);
  });
});

describe('helpers', () => {
  it('nativeTarget reads the installed packages (this checkout: Electron 45, better-sqlite3 12)', () => {
    const t = nativeTarget(path.resolve(import.meta.dirname, '..'), 'linux', 'x64');
    expect(t.electronVersion).toMatch(/^45\./);
    expect(t.sqliteVersion).toMatch(/^12\./);
    expect(t.abi).toBeGreaterThan(100);
    const root = project();
    fs.writeFileSync(path.join(root, 'node_modules/electron/abi_version'), 'x');
    expect(() => nativeTarget(root)).toThrow(/not an ABI number/);
  });

  it('abiProblem reads the module itself', () => {
    const root = project();
    const file = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(abiProblem(file, 115)).toBeNull();
    expect(abiProblem(file, 150)).toBe("it registers ABI 115, not Electron's 150");
    expect(abiProblem(path.join(root, 'none.node'), 150)).toMatch(/^cannot read /);
  });

  it('buildEnv drops npm nodedir in any case and keeps the rest', () => {
    expect(
      buildEnv({ npm_config_nodedir: '/usr', Npm_Config_NodeDir: '/usr', HOME: '/h' }),
    ).toEqual({
      HOME: '/h',
    });
  });

  it('stepFailureLine picks the error, not the stack', () => {
    expect(stepFailureLine('gyp info ok\ngyp ERR! configure error\n    at foo (bar.js:1:2)')).toBe(
      'configure error',
    );
    expect(stepFailureLine('something\ntimed out after 120 s')).toBe('timed out after 120 s');
    expect(stepFailureLine('')).toBe('no output');
  });
});
