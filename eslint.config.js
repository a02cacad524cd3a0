// Lint is where the architecture is enforced: dependency direction (ARCHITECTURE.md §1) is an
// error, not a convention. Zero warnings are allowed (`eslint . --max-warnings 0`).
import { readdirSync, existsSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const featureDirs = existsSync('renderer/features')
  ? readdirSync('renderer/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];

// Renderer features are siblings: they meet only in renderer/app/.
const featureIsolationZones = featureDirs.map((name) => ({
  target: `./renderer/features/${name}`,
  from: './renderer/features',
  except: [`./${name}`],
  message: 'features/<x> folders do not import each other; compose them in renderer/app/.',
}));

const nodeModulesInBrowser = {
  patterns: [
    { group: ['node:*'], message: 'Node modules never reach shared/ or the renderer.' },
    { group: ['electron', 'electron/*', 'electron-store', 'sharp', 'openai', 'p-queue', 'conf'], message: 'Main-process packages stay in electron/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: { 'import-x/resolver': { typescript: { project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: ['./electron', './renderer', './test', './bench'], message: 'shared/ imports only zod and itself.' },
            { target: './renderer', from: ['./electron', './test', './bench'], message: 'The renderer talks to main only through the bridge (renderer/lib/api.ts).' },
            { target: './electron/services', from: ['./electron/main', './electron/preload', './electron/cli', './renderer', './test'], message: 'Services are Electron-free and know nothing of their callers.' },
            { target: './electron/preload', from: ['./electron/main', './electron/services', './electron/cli', './renderer'], message: 'The preload builds the bridge from shared/ only.' },
            { target: './electron/cli', from: ['./electron/main', './electron/preload', './renderer'], message: 'The CLI uses services, never Electron glue.' },
            { target: './electron/main', from: ['./electron/cli', './electron/preload', './renderer', './test'], message: 'Main composes services; it never reaches into the CLI, preload or UI.' },
            ...featureIsolationZones,
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeModulesInBrowser.patterns, { group: ['react', 'react-dom', 'react/*', 'zustand', 'zundo'], message: 'shared/ holds contracts, not UI.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', nodeModulesInBrowser],
    },
  },
  {
    // The bridge is read in exactly one module.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/lib/api.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='castboard']", message: 'Read the bridge only in renderer/lib/api.ts.' }],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: 'electron', message: 'Services and the CLI run in plain Node: pass Electron capabilities in as adapters.' },
        { name: 'electron-store', message: 'electron-store loads electron: keep it in electron/main/adapters.' },
      ] }],
    },
  },
  ...[
    { files: ['electron/main/**/*.ts'], ignores: ['electron/main/ipc/**'], banned: ['ipcMain', 'ipcRenderer', 'contextBridge'] },
    { files: ['electron/main/ipc/**/*.ts'], banned: ['ipcRenderer', 'contextBridge'] },
    { files: ['electron/preload/**/*.ts'], banned: ['ipcMain'] },
  ].map(({ banned, ...scope }) => ({
    ...scope,
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: banned, message: 'ipcMain lives in electron/main/ipc/, ipcRenderer and contextBridge in electron/preload/.' }] }],
    },
  })),
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      // Tests never load the real electron module (its binary is absent): mock it with a factory.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Use vi.mock('electron', () => ...) via test/mocks/electron.ts." }] }],
    },
  },
);
