/**
 * Audit check on electron-builder.yml, loaded and schema-validated by electron-builder's own
 * config loader (the same code `npm run dist` runs): the fuses that close the Node back doors are
 * set (and the ad-hoc macOS signature is re-applied after flipping them), only built output is
 * packaged, and what the app opens or runs by path (native code, the font, ffmpeg, the face model
 * and its wasm) is unpacked from the asar.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { result, type CheckResult } from './check';

export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  // Without it an unsigned Apple Silicon build is killed at launch: fuses break the ad-hoc signature.
  resetAdHocDarwinSignature: true,
} as const;

/**
 * What the app opens or runs by path at run time, which cannot stay inside app.asar: sharp's
 * binding and libvips, the export font (libvips), the animatic's ffmpeg (a program: nothing inside
 * the archive can be executed), and the consistency check's face model and tfjs wasm binaries.
 */
export const REQUIRED_UNPACKED = [
  'node_modules/sharp/**',
  'node_modules/@img/**',
  'node_modules/dejavu-fonts-ttf/',
  'node_modules/@ffmpeg-installer/',
  'node_modules/@vladmandic/face-api/model/',
  'node_modules/@tensorflow/tfjs-backend-wasm/dist/',
];

export async function loadBuilderConfig(repoRoot: string): Promise<Configuration> {
  const config = await getConfig(repoRoot, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** The `files` patterns as plain strings (electron-builder normalises them into FileSets). */
export function filePatterns(config: Configuration): string[] {
  const files = config.files;
  const list = Array.isArray(files) ? files : files ? [files] : [];
  return list.flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat()));
}

export function packagingProblems(config: Configuration): string[] {
  const problems: string[] = [];
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== value) problems.push(`electronFuses.${fuse} must be ${String(value)} (is ${String(fuses[fuse])}).`);
  }
  for (const pattern of filePatterns(config)) {
    if (pattern.startsWith('!')) continue;
    if (pattern !== 'package.json' && !/^dist\/(main|preload|renderer)\//.test(pattern)) problems.push(`files includes "${pattern}": only built output (dist/main, dist/preload, dist/renderer) and package.json may ship.`);
  }
  const unpacked = [config.asarUnpack ?? []].flat();
  for (const wanted of REQUIRED_UNPACKED) {
    if (!unpacked.some((pattern) => pattern.startsWith(wanted))) problems.push(`asarUnpack must cover ${wanted}.`);
  }
  if (config.asar === false) problems.push('asar must stay on (onlyLoadAppFromAsar and integrity validation need it).');
  return problems;
}

export async function checkPackaging(repoRoot: string): Promise<CheckResult> {
  let config: Configuration;
  try {
    config = await loadBuilderConfig(repoRoot);
  } catch (error) {
    return result('Electron fuses and packaged files (electron-builder.yml)', [`electron-builder.yml does not load: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return result('Electron fuses and packaged files (electron-builder.yml)', packagingProblems(config), [`fuses: ${Object.entries(REQUIRED_FUSES).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`]);
}
