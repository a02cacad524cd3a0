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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
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

/**
 * Why the renderer is one classic deferred script, not an ES module: Chromium keeps V8's compiled
 * code for scripts (the code cache) and hands it back on the next launch, but with its background
 * resource fetch (on by default) it does so for classic scripts only; a module script is parsed
 * and compiled again at every open (40-60 ms on a 2-core machine, before the first render; seen in
 * Chromium 156 traces: `v8.compileModule` streamed vs `v8.compile` "script has code-cache available").
 * A classic script cannot import chunks, so the two modules the renderer loads on demand (zod
 * schemas, never part of start-up: test/tools/renderer-startup-zod.test.ts) are built beside it as
 * ES modules, which a classic script may import(). Any other import() fails the build (IIFE output
 * has no chunks), so a new lazy module is added here or not at all.
 */
const LAZY_MODULES: Readonly<Record<string, string>> = {
  'shared/ipc/answer-schemas.ts': 'answer-schemas',
  'shared/domain/settings.ts': 'settings',
};
const LAZY_DIR = 'assets/lazy';

/** The renderer's import() of a lazy module, kept as a real import() of its file beside the bundle. */
function lazyModules(): Plugin {
  const repoRoot = path.dirname(fileURLToPath(import.meta.url));
  return {
    name: 'castboard-lazy-modules',
    apply: 'build',
    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string' || !importer) return null;
      const resolved = await this.resolve(specifier, importer);
      const name = resolved && LAZY_MODULES[path.relative(repoRoot, resolved.id).split(path.sep).join('/')];
      // Relative to the script that imports it (assets/index-*.js), as a classic script's import() resolves.
      return name ? { id: `./lazy/${name}.js`, external: true } : null;
    },
    async buildStart() {
      const input = Object.fromEntries(Object.entries(LAZY_MODULES).map(([file, name]) => [name, path.join(repoRoot, file)]));
      const built = await build({
        configFile: false,
        root: repoRoot,
        logLevel: 'warn',
        build: {
          write: false,
          target: 'es2022',
          sourcemap: true,
          rollupOptions: { input, preserveEntrySignatures: 'strict', output: { format: 'es', entryFileNames: `${LAZY_DIR}/[name].js`, chunkFileNames: `${LAZY_DIR}/[name]-[hash].js` } },
        },
      });
      for (const { output } of Array.isArray(built) ? built : [built as Extract<typeof built, { output: unknown }>]) {
        for (const file of output) {
          if (file.type === 'asset') this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
          else {
            for (const id of file.moduleIds) if (!id.startsWith('\0')) this.addWatchFile(id);
            this.emitFile({ type: 'asset', fileName: file.fileName, source: file.code });
            if (file.map) this.emitFile({ type: 'asset', fileName: `${file.fileName}.map`, source: file.map.toString() });
          }
        }
      }
    },
  };
}

/** Vite writes its entry as `<script type="module">`; the IIFE bundle runs as a deferred classic script (same order, same timing). */
function classicEntryScript(): Plugin {
  return {
    name: 'castboard-classic-entry-script',
    enforce: 'post',
    transformIndexHtml: (html) => html.replace('<script type="module" crossorigin src=', '<script defer src='),
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
        plugins: [react(), lazyModules(), classicEntryScript()],
        build: {
          outDir: '../dist/renderer',
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          // One stylesheet file, linked: split CSS would be injected by script as <style>, which the CSP refuses.
          cssCodeSplit: false,
          modulePreload: false,
          rollupOptions: {
            output: { format: 'iife' },
            // Vite passes import.meta.url to its import() helper, which needs it only for preloading
            // chunks; the lazy modules have none to preload.
            onwarn: (warning, warn) => (warning.code === 'EMPTY_IMPORT_META' ? undefined : warn(warning)),
          },
        },
      };
  }
});
