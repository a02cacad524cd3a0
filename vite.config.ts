/**
 * One Vite config, one build target per mode:
 *   renderer        React UI            -> dist/renderer (served by the app protocol / harness)
 *   main            Electron main (ESM) -> dist/main/index.js (+ consistency-worker.js)
 *   preload         sandboxed preload   -> dist/preload/index.cjs (CommonJS, everything bundled but electron)
 *   cli             castboard command   -> dist/cli/castboard.js (+ consistency-worker.js)
 *   harness-bridge  test-only bridge    -> dist/harness/bridge.js (never packaged)
 * Node targets keep npm dependencies external so sharp's native binary and openai load from node_modules.
 * The consistency worker is a second entry beside main and the CLI, in the same folder (flat
 * output, no chunk subfolders): the service finds it next to the code that starts it.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const nodeExternals = [
  'electron',
  ...Object.keys(pkg.dependencies ?? {}),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];
// Bundled into the Node builds although they are dependencies: zod is pure JavaScript that every
// command loads, spread over ~100 module files; one bundled chunk spares Node resolving and
// reading each of them at start-up (most of `castboard info`'s start).
const BUNDLED = ['zod'];
const isExternal = (id: string): boolean =>
  !BUNDLED.some((name) => id === name || id.startsWith(`${name}/`)) && nodeExternals.some((name) => id === name || id.startsWith(`${name}/`));

const consistencyWorker = { 'consistency-worker': 'electron/services/consistency/face-worker.ts' };

function nodeBuild(entry: string, outDir: string, fileName: string, format: 'es' | 'cjs', banner = '', extraEntries: Record<string, string> = {}): UserConfig {
  const name = fileName.replace(/\.c?js$/, '');
  return {
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node20',
      ssr: true,
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: { [name]: entry, ...extraEntries },
        external: format === 'cjs' ? ['electron'] : isExternal,
        output: {
          format,
          entryFileNames: (chunk) => (chunk.name === name ? fileName : '[name].js'),
          chunkFileNames: '[name]-[hash].js',
          // The shebang belongs to the CLI entry only.
          banner: (chunk) => (chunk.isEntry && chunk.name === name ? banner : ''),
        },
      },
    },
    ssr: { noExternal: format === 'cjs' ? true : BUNDLED },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  switch (mode) {
    case 'main':
      return nodeBuild('electron/main/index.ts', 'dist/main', 'index.js', 'es', '', consistencyWorker);
    case 'preload':
      return nodeBuild('electron/preload/index.ts', 'dist/preload', 'index.cjs', 'cjs');
    case 'cli':
      return nodeBuild('electron/cli/castboard.ts', 'dist/cli', 'castboard.js', 'es', '#!/usr/bin/env node', consistencyWorker);
    case 'harness-bridge':
      return {
        build: {
          outDir: 'dist/harness',
          emptyOutDir: true,
          target: 'es2022',
          lib: { entry: 'test/harness/bridge.ts', formats: ['iife'], name: 'castboardHarness', fileName: () => 'bridge.js' },
        },
      };
    case 'renderer':
    default:
      return {
        root: 'renderer',
        base: './',
        plugins: [react()],
        build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022', sourcemap: true },
      };
  }
});
