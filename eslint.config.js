// Flat ESLint config. Besides the recommended rules it enforces the layering of
// ../shared/ARCHITECTURE.md: only electron/main and electron/preload may import
// `electron`; electron/common stays free of Node and DOM; the renderer imports
// from electron/common only, and from the rest of electron/ only types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const noElectron = {
  name: 'electron',
  message:
    'Only electron/main and electron/preload may import electron; keep logic in electron/core.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
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
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'electron/common runs anywhere: no Node modules.',
            },
            {
              group: ['**/core/**', '**/main/**', '**/serve/**', '**/cli/**'],
              message: 'electron/common must not depend on Node-side layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
            {
              group: [
                '**/electron/core/**',
                '**/electron/main/**',
                '**/electron/serve/**',
                '**/electron/cli/**',
                '**/electron/preload/**',
              ],
              allowTypeImports: true,
              message: 'The renderer may import runtime code from electron/common only.',
            },
          ],
        },
      ],
    },
  },
);
