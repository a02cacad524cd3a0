// Lint is where the architecture is enforced: dependency direction (docs/architecture.md, "Processes and layout") is an
// error, not a convention. Zero warnings are allowed (`eslint . --max-warnings 0`).
// Folder rules use ESLint's own no-restricted-imports with regexes over the import path, so no
// native resolver is needed. Each file area below is disjoint: one rule set per area.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const featureDirs = existsSync('renderer/features')
  ? readdirSync('renderer/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];

const NODE_IN_BROWSER = [
  { group: ['node:*'], message: 'Node modules never reach shared/ or the renderer.' },
  { group: ['electron', 'electron/*', 'electron-store', 'sharp', 'openai', 'p-queue', 'conf'], message: 'Main-process packages stay in electron/.' },
];

const folders = (names, message) => ({ regex: `(^|/)(${names.join('|')})/`, message });

const RENDERER_BASE = [...NODE_IN_BROWSER, folders(['electron', 'test', 'bench'], 'The renderer talks to main only through the bridge (renderer/lib/api.ts).')];
/** Each renderer layer and the layers above it, which it may not import. */
const RENDERER_LAYERS = [
  { layer: 'lib', above: ['state', 'ui', 'features', 'app'] },
  { layer: 'state', above: ['ui', 'features', 'app'] },
  { layer: 'ui', above: ['features', 'app'] },
];

/** One area of the tree and what it may not import. */
function area({ files, ignores, patterns = [], paths = [] }) {
  return { files, ...(ignores ? { ignores } : {}), rules: { 'no-restricted-imports': ['error', { patterns, paths }] } };
}

const electronImports = (names, message) => [{ name: 'electron', importNames: names, message }];
const IPC_PLACEMENT = 'ipcMain lives in electron/main/ipc/, ipcRenderer and contextBridge in electron/preload/.';
// Issue #16: a project folder is untrusted input, so only the confined file layer touches it.
// The services allowed to import fs, each with its reason, live in one list shared with
// `npm run audit:security` (which also catches dynamic imports and require).
const FS_ALLOWLIST = JSON.parse(readFileSync(new URL('./electron/tools/audit/fs-allowlist.json', import.meta.url), 'utf8'));
const FS_ALLOWED_FILES = [...Object.keys(FS_ALLOWLIST.confinedLayer), ...Object.keys(FS_ALLOWLIST.neverProjectPaths)];
const NO_FS = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'].map((name) => ({
  name,
  message: 'Services reach project folders only through electron/services/project/project-files.ts (confined, no links, capped reads). A module that never touches a project path may be added, with its reason, to electron/tools/audit/fs-allowlist.json.',
}));
const SHARP_GATE_FILES = ['electron/services/image-safety/sharp-gate.ts', 'electron/services/image-safety/loader-block.ts'];
const NO_SHARP = [{ name: 'sharp', message: 'Import sharp from electron/services/image-safety/sharp-gate.ts: it blocks the untrusted image loaders before any decode.' }];
const SERVICES_LAYERING = [folders(['main', 'preload', 'cli', 'renderer', 'test', 'bench'], 'Services are Electron-free and know nothing of their callers.')];

const NO_ELECTRON = [
  { name: 'electron', message: 'Services and the CLI run in plain Node: pass Electron capabilities in as adapters.' },
  { name: 'electron-store', message: 'electron-store loads electron: keep it in electron/main/adapters.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  // Type-aware rules (no floating or misused promises, no unbound methods, no unsafe any):
  // they read the TypeScript program of each file through the project service.
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  // Plain JavaScript (configs and scripts) is in no tsconfig: lint it without types.
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
  {
    // Reasoned exception: zustand slices, command tables and test kits are closures made per
    // store; they never read `this`, so handing `state.action` to onClick is safe. Services and
    // main-process classes keep the rule.
    files: ['renderer/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Reasoned exception: vitest's asymmetric matchers (expect.any, expect.stringContaining...)
    // are typed `any`, so every toMatchObject with one would need a cast that proves nothing.
    // Test doubles are `async` to match the interfaces they stand in for, with nothing to await.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The bridge is read in exactly one module, and by the start-up reads sent before that module
    // is evaluated (their answers go to the API it builds; renderer/lib/early-requests.ts).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/lib/api.ts', 'renderer/lib/early-requests.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='castboard']", message: 'Read the bridge only in renderer/lib/api.ts.' }],
    },
  },

  area({
    files: ['shared/**/*.ts'],
    patterns: [
      ...NODE_IN_BROWSER,
      { group: ['react', 'react-dom', 'react/*', 'zustand', 'zundo'], message: 'shared/ holds contracts, not UI.' },
      folders(['electron', 'renderer', 'test', 'bench'], 'shared/ imports only zod and itself.'),
    ],
  }),
  // Renderer layers, each importing only downward: lib < state < ui < features < app.
  ...RENDERER_LAYERS.map(({ layer, above }) =>
    area({
      files: [`renderer/${layer}/**/*.{ts,tsx}`],
      patterns: [...RENDERER_BASE, ...(above.length ? [folders(above, `renderer/${layer} is below ${above.join(', ')}: import only downward (lib < state < ui < features < app).`)] : [])],
    }),
  ),
  area({ files: ['renderer/*.{ts,tsx}', 'renderer/app/**/*.{ts,tsx}'], patterns: RENDERER_BASE }),
  ...featureDirs.map((name) =>
    area({
      files: [`renderer/features/${name}/**/*.{ts,tsx}`],
      patterns: [
        ...RENDERER_BASE,
        folders(['app'], 'renderer/features is below renderer/app: import only downward (lib < state < ui < features < app).'),
        { regex: `^\\.\\./(?!${name}/)[^./]|(^|/)features/(?!${name}/)`, message: 'features/<x> folders do not import each other; compose them in renderer/app/.' },
      ],
    }),
  ),
  area({
    files: ['electron/services/**/*.ts'],
    ignores: [...FS_ALLOWED_FILES, ...SHARP_GATE_FILES],
    paths: [...NO_ELECTRON, ...NO_FS, ...NO_SHARP],
    patterns: SERVICES_LAYERING,
  }),
  area({ files: FS_ALLOWED_FILES, paths: [...NO_ELECTRON, ...NO_SHARP], patterns: SERVICES_LAYERING }),
  area({ files: SHARP_GATE_FILES, paths: [...NO_ELECTRON, ...NO_FS], patterns: SERVICES_LAYERING }),
  area({
    files: ['electron/cli/**/*.ts'],
    paths: [...NO_ELECTRON, ...NO_SHARP],
    patterns: [folders(['main', 'preload', 'renderer', 'test', 'bench'], 'The CLI uses services, never Electron glue.')],
  }),
  area({
    files: ['electron/preload/**/*.ts'],
    paths: electronImports(['ipcMain'], IPC_PLACEMENT),
    patterns: [folders(['main', 'services', 'cli', 'renderer', 'test'], 'The preload builds the bridge from shared/ only.')],
  }),
  area({
    files: ['electron/main/ipc/**/*.ts'],
    paths: electronImports(['ipcRenderer', 'contextBridge'], IPC_PLACEMENT),
    patterns: [folders(['cli', 'preload', 'renderer', 'test', 'bench'], 'Main composes services; it never reaches into the CLI, preload or UI.')],
  }),
  area({
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/**'],
    paths: electronImports(['ipcMain', 'ipcRenderer', 'contextBridge'], IPC_PLACEMENT),
    patterns: [folders(['cli', 'preload', 'renderer', 'test', 'bench'], 'Main composes services; it never reaches into the CLI, preload or UI.')],
  }),
  area({
    // Tests never load the real electron module (its binary is absent): mock it with a factory.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    paths: [{ name: 'electron', message: "Use vi.mock('electron', () => ...) with test/mocks/electron.ts." }],
  }),
);
