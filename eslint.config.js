// Flat ESLint config. Besides the recommended rules it enforces the layering:
//  - only electron/main and electron/preload may import `electron`;
//  - electron/common runs anywhere: no Node modules and no Node-side layer;
//  - the hosts (electron/main, electron/serve, electron/cli) sit on top of the
//    core: the core and common never import a host, and nothing imports a host
//    but its own files and tests (a host reaches the core only through the
//    contract), with one exception: build/start.ts, the `npm start` launcher,
//    which runs the browser edition when the desktop app cannot start;
//  - the renderer imports runtime code from electron/common only, and from the
//    core only types;
//  - every SQLite connection is opened by electron/core/sqlite.ts (the one place
//    that can switch the native module for Electron): outside tests, nothing else
//    imports better-sqlite3 as a value.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const noElectron = {
  name: 'electron',
  message:
    'Only electron/main and electron/preload may import electron; keep logic in electron/core.',
};

/** An import pattern matching the given host folders (electron/<host>/…) by any path. */
function hosts(names, message) {
  return { regex: `(^|/)(${names.join('|')})/`, message };
}
const otherHost =
  'A host reaches the core only through the contract; it never imports another host.';
const noHost =
  'Nothing imports a host (electron/main, electron/serve, electron/cli) but its own files.';
const ALL_HOSTS = ['main', 'serve', 'cli'];

/** no-restricted-imports with the `electron` rule (unless allowed) and these patterns. */
function restrictedImports(patterns, { electron = false } = {}) {
  return ['error', { paths: electron ? [] : [noElectron], patterns }];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'dist-cli/',
      'renderer/dist/',
      'release/',
      'test-results/',
      'data/',
      'build/icons/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': restrictedImports([hosts(ALL_HOSTS, noHost)]),
    },
  },
  {
    files: ['electron/**/*.ts', 'build/**/*.ts', 'build/**/*.mjs'],
    ignores: ['electron/core/sqlite.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='better-sqlite3'][importKind!='type']",
          message:
            'Open SQLite through openDatabase() in electron/core/sqlite.ts (import better-sqlite3 as a type only).',
        },
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value='better-sqlite3']",
          message: 'Open SQLite through openDatabase() in electron/core/sqlite.ts.',
        },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': restrictedImports([hosts(['serve', 'cli'], otherHost)], {
        electron: true,
      }),
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': restrictedImports([hosts(ALL_HOSTS, otherHost)], {
        electron: true,
      }),
    },
  },
  {
    files: ['electron/serve/**'],
    rules: {
      'no-restricted-imports': restrictedImports([hosts(['main', 'cli'], otherHost)]),
    },
  },
  {
    files: ['electron/cli/**'],
    rules: {
      'no-restricted-imports': restrictedImports([hosts(['main', 'serve'], otherHost)]),
    },
  },
  {
    // The launcher chooses a host: the desktop app (a child process) or, where it
    // cannot run, the browser edition in this process.
    files: ['build/start.ts'],
    rules: {
      'no-restricted-imports': restrictedImports([hosts(['main', 'cli'], noHost)]),
    },
  },
  {
    files: ['electron/common/**'],
    rules: {
      'no-restricted-imports': restrictedImports([
        {
          group: ['node:*', 'fs', 'path', 'os', 'crypto'],
          message: 'electron/common runs anywhere: no Node modules.',
        },
        {
          group: ['**/core/**', '**/main/**', '**/serve/**', '**/cli/**'],
          message: 'electron/common must not depend on Node-side layers.',
        },
      ]),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      'no-restricted-imports': restrictedImports([
        { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
        {
          group: ['**/electron/core/**', '**/electron/preload/**'],
          allowTypeImports: true,
          message: 'The renderer may import runtime code from electron/common only.',
        },
        hosts(ALL_HOSTS, noHost),
      ]),
    },
  },
);
