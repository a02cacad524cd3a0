/**
 * The one place the renderer's powers are decided. Every window Castboard opens uses these:
 * isolated, sandboxed, no Node, no webviews, no insecure content, spellcheck only where it needs no
 * download (spellcheck.ts).
 */
import type { WebPreferences } from 'electron';
import { spellcheckEnabled } from './spellcheck';

export function secureWebPreferences(preloadPath: string, platform: NodeJS.Platform = process.platform): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The OS spellchecker on macOS; off elsewhere, where Chromium would download dictionaries.
    spellcheck: spellcheckEnabled(platform),
  };
}
