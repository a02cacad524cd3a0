/**
 * Browser tests: the built renderer served by test/harness, driven by Debian's Chromium through
 * playwright-core. Run with `npm run test:e2e` (which builds the renderer and bridge first).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-must-not-load' },
  },
});
