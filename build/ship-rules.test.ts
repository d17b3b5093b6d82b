import { describe, expect, it } from 'vitest';
import {
  NATIVE_BINARY,
  checkPackedApp,
  cssFontUrls,
  forbiddenFiles,
  forbiddenReason,
  htmlReferences,
  packageOf,
  requiredModules,
  unresolvedRequires,
} from './ship-rules';
import type { AsarEntry, CheckResult, PackedApp } from './ship-rules';

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" crossorigin src="./assets/index-B1.js"></script>' +
  '<link rel="stylesheet" crossorigin href="./assets/index-C2.css"><link rel="icon" href="data:,"></head></html>';
const CSS =
  '@font-face{font-family:"Noto Serif JP";src:url(./noto-serif-jp-0-400-normal-D3.woff2) format("woff2")}' +
  '@font-face{font-family:"Noto Sans JP";src:url("./noto-sans-jp-0-400-normal-E4.woff2") format("woff2")}';

/** A packed app as a correct build produces it; tests break one thing at a time. */
function goodApp(): {
  asar: AsarEntry[];
  unpackedFiles: string[];
  resourceFiles: string[];
  texts: Map<string, string>;
} {
  const packed = [
    'package.json',
    'dist-electron/main.cjs',
    'dist-electron/preload.cjs',
    'dist-electron/import-worker.cjs',
    'renderer/dist/index.html',
    'renderer/dist/assets/index-B1.js',
    'renderer/dist/assets/index-C2.css',
    'renderer/dist/assets/noto-serif-jp-0-400-normal-D3.woff2',
    'renderer/dist/assets/noto-sans-jp-0-400-normal-E4.woff2',
    'node_modules/better-sqlite3/package.json',
    'node_modules/better-sqlite3/lib/index.js',
    'node_modules/bindings/package.json',
    'node_modules/bindings/bindings.js',
    'node_modules/file-uri-to-path/package.json',
  ];
  return {
    asar: [
      ...packed.map((p) => ({ path: p, unpacked: false })),
      { path: NATIVE_BINARY, unpacked: true },
    ],
    unpackedFiles: [NATIVE_BINARY, 'node_modules/better-sqlite3/lib/index.js'],
    resourceFiles: [
      'content.sqlite',
      'pdfjs/legacy/build/pdf.min.mjs',
      'pdfjs/legacy/build/pdf.worker.min.mjs',
      'pdfjs/cmaps/UniJIS-UCS2-H.bcmap',
      'pdfjs/cmaps/Adobe-Japan1-UCS2.bcmap',
      'pdfjs/standard_fonts/FoxitSerif.pfb',
    ],
    texts: new Map([
      ['package.json', JSON.stringify({ name: 'hakusho-reader', main: 'dist-electron/main.cjs' })],
      [
        'dist-electron/main.cjs',
        '"use strict";var e=require("electron"),p=require("node:path"),D=require("better-sqlite3"),f=require("fs");' +
          'const db=p.join(process.resourcesPath,"content.sqlite");win.loadURL("app://reader/");',
      ],
      [
        'dist-electron/import-worker.cjs',
        '"use strict";var w=require("node:worker_threads"),D=require("better-sqlite3");',
      ],
      [
        'dist-electron/preload.cjs',
        '"use strict";const {contextBridge:c,ipcRenderer:i}=require("electron");',
      ],
      ['renderer/dist/index.html', INDEX_HTML],
      ['renderer/dist/assets/index-C2.css', CSS],
    ]),
  };
}

function packed(parts: ReturnType<typeof goodApp>): PackedApp {
  return { ...parts, readText: (p) => parts.texts.get(p) ?? null };
}

const failures = (results: CheckResult[]) => results.filter((r) => r.level === 'fail');

describe('checkPackedApp', () => {
  it('passes a correct build, with both font families reported', () => {
    const results = checkPackedApp(packed(goodApp()));
    expect(failures(results)).toEqual([]);
    expect(results.find((r) => r.name === 'bundled fonts')?.detail).toMatch(
      /2 woff2 files \(noto-serif-jp, noto-sans-jp\)/,
    );
  });

  it('fails without the import worker, a module it needs, or pdf.js in resources/', () => {
    const noWorker = goodApp();
    noWorker.asar = noWorker.asar.filter((e) => e.path !== 'dist-electron/import-worker.cjs');
    expect(failures(checkPackedApp(packed(noWorker))).map((r) => r.name)).toEqual([
      'import worker',
    ]);
    const needs = goodApp();
    needs.texts.set('dist-electron/import-worker.cjs', 'require("yauzl");');
    expect(failures(checkPackedApp(packed(needs)))[0]?.detail).toMatch(/package yauzl/);
    const noCmaps = goodApp();
    noCmaps.resourceFiles = noCmaps.resourceFiles.filter((f) => !f.includes('/cmaps/'));
    const fail = failures(checkPackedApp(packed(noCmaps)));
    expect(fail.map((r) => r.name)).toEqual(['pdf.js for imports']);
    expect(fail[0]?.detail).toMatch(/resources\/pdfjs\/cmaps\/UniJIS-UCS2-H\.bcmap/);
  });

  it('fails when the renderer build is missing', () => {
    const app = goodApp();
    app.texts.delete('renderer/dist/index.html');
    expect(failures(checkPackedApp(packed(app))).map((r) => r.name)).toContain('renderer build');
  });

  it('fails when index.html refers to an asset that did not ship', () => {
    const app = goodApp();
    app.asar = app.asar.filter((e) => e.path !== 'renderer/dist/assets/index-B1.js');
    const fail = failures(checkPackedApp(packed(app))).find((r) => r.name === 'renderer build');
    expect(fail?.detail).toMatch(/missing \.\/assets\/index-B1\.js/);
  });

  it('warns when index.html uses root-absolute paths (broken under file://)', () => {
    const app = goodApp();
    app.texts.set('renderer/dist/index.html', INDEX_HTML.replaceAll('./assets', '/assets'));
    const results = checkPackedApp(packed(app));
    expect(failures(results)).toEqual([]);
    expect(results.find((r) => r.level === 'warn')?.name).toBe('renderer base path');
  });

  it('fails without fonts, or with fonts no CSS uses', () => {
    const noFonts = goodApp();
    noFonts.asar = noFonts.asar.filter((e) => !e.path.endsWith('.woff2'));
    expect(failures(checkPackedApp(packed(noFonts))).map((r) => r.name)).toEqual(['bundled fonts']);
    const unused = goodApp();
    unused.texts.set('renderer/dist/assets/index-C2.css', 'body{color:red}');
    expect(failures(checkPackedApp(packed(unused)))[0]?.detail).toMatch(/no CSS refers/);
  });

  it('fails when a bundle is missing or package.json main points elsewhere', () => {
    const noPreload = goodApp();
    noPreload.asar = noPreload.asar.filter((e) => e.path !== 'dist-electron/preload.cjs');
    expect(failures(checkPackedApp(packed(noPreload)))[0]?.detail).toBe(
      'missing dist-electron/preload.cjs',
    );
    const wrongMain = goodApp();
    wrongMain.texts.set('package.json', JSON.stringify({ main: 'electron/main/index.ts' }));
    expect(failures(checkPackedApp(packed(wrongMain)))[0]?.detail).toMatch(/package.json main/);
  });

  it('fails when the main bundle requires a package that did not ship', () => {
    const app = goodApp();
    app.texts.set(
      'dist-electron/main.cjs',
      'require("better-sqlite3");require("lunr");process.resourcesPath;',
    );
    const fail = failures(checkPackedApp(packed(app)));
    expect(fail.map((r) => r.name)).toEqual(['main bundle requires']);
    expect(fail[0]?.detail).toMatch(/package lunr is not in app.asar/);
  });

  it('fails when main cannot find resources/ or loads the renderer from file://', () => {
    const app = goodApp();
    app.texts.set('dist-electron/main.cjs', 'require("better-sqlite3");win.loadFile("index.html")');
    const fail = failures(checkPackedApp(packed(app)));
    expect(fail.map((r) => r.name)).toEqual(['main bundle paths']);
    expect(fail[0]?.detail).toMatch(
      /never reads process.resourcesPath.*; loads the renderer from file:\/\//,
    );
  });

  it('fails when the sandboxed preload requires anything beyond what the sandbox offers', () => {
    const app = goodApp();
    app.texts.set('dist-electron/preload.cjs', 'require("electron");require("node:fs");');
    expect(failures(checkPackedApp(packed(app)))[0]?.detail).toMatch(/cannot require node:fs/);
  });

  it('fails when the content database is not in resources/', () => {
    const app = goodApp();
    app.resourceFiles = app.resourceFiles.filter((f) => f !== 'content.sqlite');
    expect(failures(checkPackedApp(packed(app))).map((r) => r.name)).toEqual(['content database']);
  });

  it('fails when the native module is packed inside the archive or missing', () => {
    const packedIn = goodApp();
    packedIn.asar = packedIn.asar.map((e) =>
      e.path === NATIVE_BINARY ? { ...e, unpacked: false } : e,
    );
    packedIn.unpackedFiles = [];
    const fail = failures(checkPackedApp(packed(packedIn)));
    expect(fail.map((r) => r.name)).toEqual(['native module', 'native module']);
    const missing = goodApp();
    missing.asar = missing.asar.filter((e) => e.path !== NATIVE_BINARY);
    expect(failures(checkPackedApp(packed(missing)))[0]?.detail).toMatch(/is not shipped/);
  });

  it('fails on test files and sources, listing each one', () => {
    const app = goodApp();
    app.asar.push(
      { path: 'electron/core/api.ts', unpacked: false },
      { path: 'dist-electron/main.test.cjs', unpacked: false },
      { path: 'tests/e2e/reader.e2e.ts', unpacked: false },
    );
    const fail = failures(checkPackedApp(packed(app)));
    expect(fail.map((r) => r.name)).toEqual(['nothing that should not ship']);
    expect(fail[0]?.detail).toMatch(/^3 files:/);
    expect(fail[0]?.detail).toContain('app.asar/dist-electron/main.test.cjs (test file)');
  });
});

describe('forbiddenReason', () => {
  it.each([
    ['electron/core/api.test.ts', 'test file'],
    ['renderer/dist/assets/x.spec.js', 'test file'],
    ['tests/fixtures/seed.txt', 'test folder'],
    ['node_modules/x/__tests__/a.js', 'test folder'],
    ['renderer/src/App.svelte', 'source file (ships compiled)'],
    ['dist-electron/main.cjs.map', 'source map (embeds the sources)'],
    ['build/make-icons.mjs', 'source folder'],
    ['dist-cli/hakusho.cjs', 'the command-line bundle (a checkout tool, not part of the app)'],
    ['data/sources/000.txt', 'content sources (the content DB ships instead)'],
    ['data/content.sqlite', 'data folder inside the archive (content ships in resources/)'],
    [
      'node_modules/@fontsource/noto-sans-jp/index.css',
      'font package (its woff2 files ship inside the renderer build)',
    ],
    ['node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'native source'],
    ['node_modules/better-sqlite3/build/Release/obj.target/x.o', 'native build leftover'],
    ['node_modules/better-sqlite3/build/Release/test_extension.node', 'better-sqlite3 test binary'],
    ['.env', 'dotfile'],
    ['tsconfig.json', 'project file'],
    ['content.sqlite-wal', 'SQLite side file (stale WAL or journal)'],
  ])('%s → %s', (file, reason) => {
    expect(forbiddenReason(file)).toBe(reason);
  });

  it.each([
    'dist-electron/main.cjs',
    'renderer/dist/assets/index-B1.js',
    'renderer/dist/assets/noto-sans-jp-0-400-normal-E4.woff2',
    'node_modules/better-sqlite3/lib/methods/table.js',
    'node_modules/file-uri-to-path/History.md',
    'node_modules/bindings/LICENSE.md',
    'package.json',
  ])('%s is allowed', (file) => {
    expect(forbiddenReason(file)).toBeNull();
  });

  it('allows one database only: resources/content.sqlite', () => {
    const app = packed(goodApp());
    expect(forbiddenFiles(app)).toEqual([]);
    expect(forbiddenFiles({ ...app, resourceFiles: ['content.sqlite', 'user.sqlite'] })).toEqual([
      'resources/user.sqlite (database other than resources/content.sqlite)',
    ]);
  });
});

describe('bundle and page parsing', () => {
  it('finds literal requires, builtins and packages alike', () => {
    expect(requiredModules('require("a");require( \'@s/b/c\' );x.require(`d`);require(v)')).toEqual(
      ['@s/b/c', 'a', 'd'],
    );
    expect(packageOf('@s/b/c')).toBe('@s/b');
    expect(packageOf('lodash/fp')).toBe('lodash');
  });

  it('resolves relative requires against the bundle folder', () => {
    const app = goodApp();
    app.texts.set(
      'dist-electron/main.cjs',
      'require("./chunk.cjs");require("../package.json");require("./gone")',
    );
    app.asar.push({ path: 'dist-electron/chunk.cjs', unpacked: false });
    expect(unresolvedRequires(packed(app), 'dist-electron/main.cjs')).toEqual([
      './gone (no dist-electron/gone in app.asar)',
    ]);
  });

  it('lists local references of index.html, not data: or remote ones', () => {
    expect(htmlReferences(INDEX_HTML)).toEqual(['./assets/index-B1.js', './assets/index-C2.css']);
    expect(htmlReferences('<a href="https://x.test/">x</a><img src="a.png?v=1#x">')).toEqual([
      'a.png',
    ]);
  });

  it('finds font urls in CSS, quoted or not', () => {
    expect(cssFontUrls(CSS)).toEqual([
      './noto-sans-jp-0-400-normal-E4.woff2',
      './noto-serif-jp-0-400-normal-D3.woff2',
    ]);
  });
});
