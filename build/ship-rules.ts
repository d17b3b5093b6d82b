// What an installer of Hakusho Reader must and must not carry, as pure rules over
// the file lists of a packed app (resources/app.asar, app.asar.unpacked and the
// rest of resources/). `npm run dist:check` feeds them the output of an offline
// `electron-builder --linux dir`; unit tests feed them hand-made lists.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { PDFJS_FILES, PDFJS_RESOURCE } from '../electron/core/import/pdf/pdfjs';
import { IMPORT_WORKER_BUNDLE as IMPORT_WORKER_FILE } from '../electron/core/import/worker-client';

export type CheckLevel = 'pass' | 'fail' | 'warn' | 'info';
export interface CheckResult {
  level: CheckLevel;
  name: string;
  detail: string;
}

export interface AsarEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  path: string;
  /** Stored in app.asar.unpacked instead of the archive. */
  unpacked: boolean;
}

export interface PackedApp {
  /** Every file of app.asar (directories excluded). */
  asar: AsarEntry[];
  /** Every file under resources/app.asar.unpacked/, relative to it. */
  unpackedFiles: string[];
  /** Every other file under resources/ (relative to it), app.asar itself excluded. */
  resourceFiles: string[];
  /** Text of a file stored in the archive (null when it is not there). */
  readText(asarPath: string): string | null;
}

export const MAIN_BUNDLE = 'dist-electron/main.cjs';
/** The document importer's worker thread, started by the main bundle from beside it. */
export const IMPORT_WORKER_BUNDLE = `dist-electron/${IMPORT_WORKER_FILE}`;
export const PRELOAD_BUNDLE = 'dist-electron/preload.cjs';
export const RENDERER_ROOT = 'renderer/dist';
export const CONTENT_DB_RESOURCE = 'content.sqlite';
export const NATIVE_BINARY = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
/** What a sandboxed preload may require (Electron's sandbox polyfills only these). */
export const SANDBOXED_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url']);

interface ForbiddenRule {
  pattern: RegExp;
  reason: string;
}

/** Files that must never ship, with the reason shown in the report. */
export const FORBIDDEN: ForbiddenRule[] = [
  { pattern: /(^|\/)[^/]+\.(test|spec)\.[cm]?[jt]sx?$/, reason: 'test file' },
  { pattern: /(^|\/)(tests?|__tests__|__mocks__|e2e|fixtures|bench)\//, reason: 'test folder' },
  { pattern: /\.(ts|mts|cts|tsx|svelte)$/, reason: 'source file (ships compiled)' },
  { pattern: /\.map$/, reason: 'source map (embeds the sources)' },
  { pattern: /^(electron|build|renderer\/src|scripts|\.ci)\//, reason: 'source folder' },
  {
    pattern: /^dist-cli\//,
    reason: 'the command-line bundle (a checkout tool, not part of the app)',
  },
  { pattern: /(^|\/)data\/sources\//, reason: 'content sources (the content DB ships instead)' },
  { pattern: /^data\//, reason: 'data folder inside the archive (content ships in resources/)' },
  {
    pattern: /^node_modules\/@fontsource\//,
    reason: 'font package (its woff2 files ship inside the renderer build)',
  },
  { pattern: /(^|\/)(deps|src)\/.*\.(c|cc|cpp|h|hpp)$/, reason: 'native source' },
  { pattern: /\.(a|o|obj|lib|pdb|gyp|gypi|mk|exp|ilk|tlog)$/, reason: 'native build leftover' },
  { pattern: /(^|\/)obj(\.target)?\//, reason: 'native build leftover' },
  { pattern: /(^|\/)test_extension\.node$/, reason: 'better-sqlite3 test binary' },
  {
    pattern: /(^|\/)\.(env|git|npmrc|DS_Store|eslintrc|prettierrc|vscode|idea)(\/|$|\.)/,
    reason: 'dotfile',
  },
  {
    pattern:
      /^(package-lock\.json|tsconfig(\.[^/]*)?\.json|[^/]*\.config\.[cm]?[jt]s|electron-builder\.ya?ml|README\.md)$/,
    reason: 'project file',
  },
  { pattern: /\.sqlite-(wal|shm|journal)$/, reason: 'SQLite side file (stale WAL or journal)' },
];

export function forbiddenReason(file: string): string | null {
  for (const rule of FORBIDDEN) if (rule.pattern.test(file)) return rule.reason;
  return null;
}

/**
 * Every shipped file that breaks a FORBIDDEN rule, prefixed by where it lives.
 * The content DB in resources/ is the one .sqlite that belongs.
 */
export function forbiddenFiles(app: PackedApp): string[] {
  const found: string[] = [];
  const check = (where: string, file: string) => {
    const reason = forbiddenReason(file);
    if (reason) found.push(`${where}${file} (${reason})`);
    else if (/\.sqlite$/.test(file) && !(where === 'resources/' && file === CONTENT_DB_RESOURCE))
      found.push(`${where}${file} (database other than resources/${CONTENT_DB_RESOURCE})`);
  };
  for (const e of app.asar) check('app.asar/', e.path);
  for (const f of app.unpackedFiles) check('app.asar.unpacked/', f);
  for (const f of app.resourceFiles) check('resources/', f);
  return found;
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Module specifiers a CommonJS bundle passes to a literal `require("…")`. */
export function requiredModules(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)) found.add(m[2]!);
  return [...found].sort();
}

/** The npm package a bare specifier belongs to ('@a/b/c' → '@a/b', 'x/y' → 'x'). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * Problems with what a bundle requires at run time: a package that is not
 * inside the archive, or a relative file that is not there.
 */
export function unresolvedRequires(app: PackedApp, bundle: string): string[] {
  const code = app.readText(bundle);
  if (code === null) return [];
  const files = new Set(app.asar.map((e) => e.path));
  const problems: string[] = [];
  for (const spec of requiredModules(code)) {
    if (spec === 'electron' || builtins.has(spec)) continue;
    if (spec.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(bundle), spec));
      const candidates = [target, `${target}.js`, `${target}.cjs`, `${target}/index.js`];
      if (!candidates.some((c) => files.has(c)))
        problems.push(`${spec} (no ${target} in app.asar)`);
      continue;
    }
    const pkg = packageOf(spec);
    if (!files.has(`node_modules/${pkg}/package.json`))
      problems.push(`${spec} (package ${pkg} is not in app.asar)`);
  }
  return problems;
}

/** Local files index.html refers to (script src, link href, img src …). */
export function htmlReferences(html: string): string[] {
  const refs = new Set<string>();
  for (const m of html.matchAll(/\s(?:src|href)\s*=\s*(["'])([^"']+)\1/g)) {
    const ref = m[2]!;
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) continue; // http:, data:, //host, #frag
    refs.add(ref.split(/[?#]/)[0]!);
  }
  return [...refs].sort();
}

/** Font files the CSS of the renderer build points at (url(…) inside @font-face). */
export function cssFontUrls(css: string): string[] {
  const urls = new Set<string>();
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+\.(?:woff2?|ttf|otf))\1\s*\)/g))
    urls.add(m[2]!);
  return [...urls].sort();
}

function result(level: CheckLevel, name: string, detail: string): CheckResult {
  return { level, name, detail };
}

/** Every rule over a packed app, in report order. */
export function checkPackedApp(app: PackedApp): CheckResult[] {
  const results: CheckResult[] = [];
  const files = new Set(app.asar.map((e) => e.path));
  const entry = new Map(app.asar.map((e) => [e.path, e]));

  // package.json "main" and the two Electron bundles.
  const pkgText = app.readText('package.json');
  let main: string | undefined;
  try {
    main = pkgText === null ? undefined : (JSON.parse(pkgText) as { main?: string }).main;
  } catch {
    main = undefined;
  }
  const missingBundles = [MAIN_BUNDLE, PRELOAD_BUNDLE].filter((b) => !files.has(b));
  if (missingBundles.length > 0)
    results.push(
      result('fail', 'main and preload bundles', `missing ${missingBundles.join(', ')}`),
    );
  else if (main === undefined || path.posix.normalize(main) !== MAIN_BUNDLE)
    results.push(
      result(
        'fail',
        'main and preload bundles',
        `package.json main is ${main ?? 'unset'}, expected ${MAIN_BUNDLE}`,
      ),
    );
  else
    results.push(
      result(
        'pass',
        'main and preload bundles',
        `${MAIN_BUNDLE} (package.json main), ${PRELOAD_BUNDLE}`,
      ),
    );

  const mainProblems = unresolvedRequires(app, MAIN_BUNDLE);
  if (files.has(MAIN_BUNDLE))
    results.push(
      mainProblems.length > 0
        ? result('fail', 'main bundle requires', `not shipped: ${mainProblems.join('; ')}`)
        : result(
            'pass',
            'main bundle requires',
            `every required module ships (${
              requiredModules(app.readText(MAIN_BUNDLE) ?? '')
                .filter((s) => s !== 'electron' && !builtins.has(s))
                .join(', ') || 'builtins only'
            })`,
          ),
    );
  const mainCode = app.readText(MAIN_BUNDLE);
  if (mainCode !== null) {
    const problems: string[] = [];
    // esbuild keeps property names, so any use of process.resourcesPath shows.
    if (!/\bresourcesPath\b/.test(mainCode))
      problems.push(
        `never reads process.resourcesPath, so the packed app cannot find resources/${CONTENT_DB_RESOURCE}`,
      );
    if (/\.loadFile\(|['"`]file:\/\//.test(mainCode))
      problems.push(
        'loads the renderer from file://, but the GrantFileProtocolExtraPrivileges fuse is off (serve it over app://)',
      );
    results.push(
      problems.length > 0
        ? result('fail', 'main bundle paths', problems.join('; '))
        : result(
            'pass',
            'main bundle paths',
            'content DB from process.resourcesPath; renderer not loaded from file://',
          ),
    );
  }
  if (files.has(PRELOAD_BUNDLE)) {
    const bad = requiredModules(app.readText(PRELOAD_BUNDLE) ?? '').filter(
      (s) => !SANDBOXED_PRELOAD_MODULES.has(s.replace(/^node:/, '')),
    );
    results.push(
      bad.length > 0
        ? result(
            'fail',
            'preload bundle requires',
            `a sandboxed preload cannot require ${bad.join(', ')} (bundle it instead)`,
          )
        : result('pass', 'preload bundle requires', 'only modules a sandboxed preload has'),
    );
  }

  // The renderer build and its fonts.
  const indexPath = `${RENDERER_ROOT}/index.html`;
  const html = app.readText(indexPath);
  const rendererFiles = app.asar.filter((e) => e.path.startsWith(`${RENDERER_ROOT}/`));
  if (html === null) results.push(result('fail', 'renderer build', `missing ${indexPath}`));
  else {
    const refs = htmlReferences(html);
    const missing = refs.filter((ref) => {
      const target = ref.startsWith('/')
        ? `${RENDERER_ROOT}${ref}`
        : path.posix.normalize(path.posix.join(RENDERER_ROOT, ref));
      return !files.has(target);
    });
    const scripts = rendererFiles.filter((e) => /\.js$/.test(e.path)).length;
    if (missing.length > 0)
      results.push(
        result('fail', 'renderer build', `index.html refers to missing ${missing.join(', ')}`),
      );
    else if (scripts === 0)
      results.push(result('fail', 'renderer build', 'no JavaScript in renderer/dist'));
    else
      results.push(
        result(
          'pass',
          'renderer build',
          `index.html + ${rendererFiles.length - 1} assets (${scripts} scripts)`,
        ),
      );
    const absolute = refs.filter((r) => r.startsWith('/'));
    if (absolute.length > 0)
      results.push(
        result(
          'warn',
          'renderer base path',
          `index.html uses root-absolute paths (${absolute.join(', ')}); under file:// they resolve to the disk root — build with base './'`,
        ),
      );
  }
  const fonts = rendererFiles.filter((e) => /\.woff2$/.test(e.path));
  if (fonts.length === 0)
    results.push(
      result('fail', 'bundled fonts', 'no .woff2 in the renderer build (@fontsource not bundled)'),
    );
  else {
    const cssUrls = rendererFiles
      .filter((e) => e.path.endsWith('.css'))
      .flatMap((e) => cssFontUrls(app.readText(e.path) ?? '').map((u) => path.posix.basename(u)));
    const referenced = new Set(cssUrls);
    const families = [
      ...new Set(fonts.map((f) => /(noto-(?:sans|serif)-jp)/.exec(f.path)?.[1] ?? 'other')),
    ];
    const unreferenced = fonts.filter((f) => !referenced.has(path.posix.basename(f.path)));
    results.push(
      referenced.size === 0
        ? result('fail', 'bundled fonts', `${fonts.length} woff2 files but no CSS refers to them`)
        : result(
            'pass',
            'bundled fonts',
            `${fonts.length} woff2 files (${families.join(', ')})${unreferenced.length > 0 ? `, ${unreferenced.length} not referenced by CSS` : ''}`,
          ),
    );
  }

  // The content database: in resources/, outside the archive.
  if (!app.resourceFiles.includes(CONTENT_DB_RESOURCE))
    results.push(result('fail', 'content database', `resources/${CONTENT_DB_RESOURCE} is missing`));
  else
    results.push(
      result('pass', 'content database', `resources/${CONTENT_DB_RESOURCE} (extraResources)`),
    );

  // The document importer: its worker in the archive (every module it requires there
  // too), pdf.js with the CMaps and font data beside the archive in resources/.
  if (!files.has(IMPORT_WORKER_BUNDLE))
    results.push(result('fail', 'import worker', `${IMPORT_WORKER_BUNDLE} is not shipped`));
  else {
    const problems = unresolvedRequires(app, IMPORT_WORKER_BUNDLE);
    results.push(
      problems.length > 0
        ? result('fail', 'import worker', `not shipped: ${problems.join('; ')}`)
        : result('pass', 'import worker', `${IMPORT_WORKER_BUNDLE}, its requires ship`),
    );
  }
  const pdfjs = PDFJS_FILES.map((f) => `${PDFJS_RESOURCE}/${f}`);
  const missingPdfjs = pdfjs.filter((f) => !app.resourceFiles.includes(f));
  const cmaps = app.resourceFiles.filter((f) => f.startsWith(`${PDFJS_RESOURCE}/cmaps/`)).length;
  results.push(
    missingPdfjs.length > 0
      ? result(
          'fail',
          'pdf.js for imports',
          `missing resources/${missingPdfjs.join(', resources/')}`,
        )
      : result(
          'pass',
          'pdf.js for imports',
          `resources/${PDFJS_RESOURCE}: legacy build, ${cmaps} CMaps, standard fonts`,
        ),
  );

  // The native module: listed in the archive as unpacked, present on disk.
  const native = entry.get(NATIVE_BINARY);
  if (native === undefined)
    results.push(result('fail', 'native module', `${NATIVE_BINARY} is not shipped`));
  else if (!native.unpacked || !app.unpackedFiles.includes(NATIVE_BINARY))
    results.push(
      result(
        'fail',
        'native module',
        `${NATIVE_BINARY} is inside app.asar; the OS loader needs it in app.asar.unpacked`,
      ),
    );
  else if (!files.has('node_modules/better-sqlite3/lib/index.js'))
    results.push(
      result('fail', 'native module', 'better-sqlite3/lib (its JavaScript) is not shipped'),
    );
  else results.push(result('pass', 'native module', `app.asar.unpacked/${NATIVE_BINARY}`));
  const packedNative = app.asar.filter((e) => e.path.endsWith('.node') && !e.unpacked);
  if (packedNative.length > 0)
    results.push(
      result(
        'fail',
        'native module',
        `packed inside app.asar: ${packedNative.map((e) => e.path).join(', ')}`,
      ),
    );

  const forbidden = forbiddenFiles(app);
  results.push(
    forbidden.length > 0
      ? result(
          'fail',
          'nothing that should not ship',
          `${forbidden.length} files:\n${forbidden.map((f) => `      ${f}`).join('\n')}`,
        )
      : result(
          'pass',
          'nothing that should not ship',
          `no tests, sources, maps, font packages or build leftovers in ${app.asar.length} archive files`,
        ),
  );
  return results;
}
