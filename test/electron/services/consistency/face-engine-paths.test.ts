/**
 * Where the face model and the wasm binaries are loaded from: the installed packages, and in a
 * packaged app their asar-unpacked copies (electron-builder.yml unpacks exactly these files).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelDir, unpackedPath, wasmDir } from '../../../../electron/services/consistency/face-engine';

describe('face model files', () => {
  it('are read from the installed packages: the three nets used, and the wasm binaries', () => {
    const models = readdirSync(modelDir());
    for (const net of ['ssd_mobilenetv1_model', 'face_landmark_68_model', 'face_recognition_model']) {
      expect(models).toContain(`${net}-weights_manifest.json`);
      expect(models).toContain(`${net}.bin`);
    }
    expect(existsSync(path.join(wasmDir(), 'tfjs-backend-wasm-simd.wasm'))).toBe(true);
  });

  it('point into app.asar.unpacked when the app runs from an asar archive', () => {
    expect(unpackedPath('/opt/Castboard/resources/app.asar/node_modules/@vladmandic/face-api/model')).toBe('/opt/Castboard/resources/app.asar.unpacked/node_modules/@vladmandic/face-api/model');
    expect(unpackedPath('C:\\Castboard\\resources\\app.asar\\node_modules\\x')).toBe('C:\\Castboard\\resources\\app.asar.unpacked\\node_modules\\x');
    expect(unpackedPath('/home/me/castboard/node_modules/x')).toBe('/home/me/castboard/node_modules/x');
  });
});
