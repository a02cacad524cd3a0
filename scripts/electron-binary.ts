// Finds the Electron binary for `npm start` and `npm run dev`, or explains in one paragraph why
// it is missing. Electron's npm package carries no binary: it is downloaded from Electron's
// release host the first time `require('electron')` runs, so a machine without that network
// access (or behind a proxy that blocks it) ends up with a package and no program to run.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const MISSING_ELECTRON_HELP = `Castboard cannot start: the Electron program is not installed.
Electron's npm package downloads its binary from Electron's release host the first time it runs,
and that download failed or was never made (no network access to that host, a proxy or firewall
blocking it, or an interrupted install). To fix it, make that host reachable (or set
ELECTRON_MIRROR to a mirror you can reach), then reinstall Electron:
  rm -rf node_modules/electron && npm install && npm start
Meanwhile \`npm run harness\` runs the whole Castboard interface in your browser against a local
test gateway, with no Electron needed.`;

/** The path of the Electron executable, or null when it is not on disk. */
export function findElectronBinary(): string | null {
  try {
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The Electron executable, or exit with MISSING_ELECTRON_HELP (exit code 1). */
export function requireElectronBinary(): string {
  const binary = findElectronBinary();
  if (binary) return binary;
  process.stderr.write(`${MISSING_ELECTRON_HELP}\n`);
  process.exit(1);
}

/**
 * The environment Electron runs with: the caller's, without ELECTRON_RUN_AS_NODE. Editors built on
 * Electron (VS Code, Cursor, Claude Code...) set it in their terminals; Electron started with it
 * runs as plain Node, where `import { app } from 'electron'` yields nothing and the app dies at
 * its first line. Windows names are case-insensitive, so any spelling is dropped.
 */
export function electronEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.toUpperCase() !== 'ELECTRON_RUN_AS_NODE'));
}

/** Starts the Electron executable itself (no npx or .cmd shim), as an app: see electronEnv(). */
export function spawnElectron(binary: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(binary, [...args], { stdio: 'inherit', ...options, env: electronEnv(options.env ?? process.env) });
}
