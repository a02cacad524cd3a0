/**
 * electron-builder.yml, loaded and schema-validated by electron-builder's own loader (packaging
 * itself downloads Electron and cannot run here): identity, targets, the `.castboard` document
 * package, what is unpacked from the asar, only built output shipped, and the fuses.
 */
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { filePatterns, loadBuilderConfig, packagingProblems, REQUIRED_FUSES } from '../../../electron/tools/audit/packaging-checks';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let config: Configuration;

beforeAll(async () => {
  config = await loadBuilderConfig(repoRoot);
});

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config).toMatchObject({ appId: 'sh.castboard.app', productName: 'Castboard', asar: true });
  });

  it('builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.maintainer).toMatch(/@/); // deb refuses to build without one
  });

  it('registers the .castboard folder as an editable document package', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'castboard', isPackage: true, role: 'Editor' })]);
  });

  it('sets the fuses that close Node back doors, and encrypts cookies', () => {
    expect(config.electronFuses).toMatchObject(REQUIRED_FUSES);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableCookieEncryption: true, onlyLoadAppFromAsar: true });
  });

  it('re-applies the ad-hoc macOS signature the fuses break, so an unsigned Apple Silicon build launches', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
    const unsigned = { ...config, electronFuses: { ...config.electronFuses, resetAdHocDarwinSignature: undefined } } as Configuration;
    expect(packagingProblems(unsigned)).toContain('electronFuses.resetAdHocDarwinSignature must be true (is undefined).');
  });

  it('ships only built output and unpacks sharp, its @img binaries and the font', () => {
    const included = filePatterns(config).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'package.json']);
    expect(filePatterns(config)).toContain('!**/*.map');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', expect.stringMatching(/^node_modules\/dejavu-fonts-ttf\//)]));
    expect(packagingProblems(config)).toEqual([]);
  });

  it('unpacks the face model and the wasm binaries the consistency check loads by path, and ships no tfjs source maps', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/@vladmandic/face-api/model/**', 'node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm']));
    expect(filePatterns(config)).toEqual(expect.arrayContaining(['!**/*.map', '!node_modules/@tensorflow/**/*.map', '!node_modules/@vladmandic/face-api/**/*.map']));
  });

  it('is checked for real: a weakened config is reported', () => {
    const weakened = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsNode: true },
      files: ['dist/**', 'src/**', 'package.json'],
      asarUnpack: ['node_modules/sharp/**'],
    } as Configuration;
    const problems = packagingProblems(weakened);
    expect(problems).toContain('electronFuses.runAsNode must be false (is true).');
    expect(problems.some((problem) => problem.includes('"src/**"'))).toBe(true);
    expect(problems.some((problem) => problem.includes('"dist/**"'))).toBe(true);
    expect(problems.some((problem) => problem.includes('@img'))).toBe(true);
    // what the animatic runs and the consistency check loads by path
    expect(problems).toContain('asarUnpack must cover node_modules/@ffmpeg-installer/.');
    expect(problems).toContain('asarUnpack must cover node_modules/@vladmandic/face-api/model/.');
    expect(problems).toContain('asarUnpack must cover node_modules/@tensorflow/tfjs-backend-wasm/dist/.');
  });
});
