// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports flow one way (design.md §1): renderer → shared ← core ← main. */
const layerRules = (/** @type {({ group: string[] } | { regex: string })[]} */ patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const noElectron = {
  regex: '^electron(/|$)',
  message: 'Only the shell (electron/main, electron/preload) may import electron.',
};
const noNode = { regex: '^node:', message: 'This layer runs in the renderer too: no Node built-ins.' };
const noCore = { group: ['**/core/**'], message: 'Domain code is reached through IPC, not imported.' };
const noMain = { group: ['**/main/**', '**/preload/**'], message: 'Nothing imports the Electron shell.' };
const noDb = { group: ['**/db/**'], message: 'The database belongs to the main process.' };
const noRenderer = { group: ['**/renderer/**'], message: 'The renderer is a leaf: nothing imports it.' };

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['electron/shared/**'],
    rules: layerRules([noElectron, noNode, noCore, noMain, noDb, noRenderer]),
  },
  {
    files: ['electron/core/**', 'db/**'],
    rules: layerRules([noElectron, noMain, noRenderer]),
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: layerRules([noRenderer]),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layerRules([noElectron, noNode, noCore, noMain, noDb]),
    },
  },
);
