/**
 * Unit, integration and component tests. Node tests run against real HTTP on 127.0.0.1 and
 * real temp folders; component tests run in jsdom. Browser tests live in vitest.e2e.config.ts.
 * ELECTRON_OVERRIDE_DIST_PATH points at nothing so a stray `import 'electron'` fails loudly.
 */
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-must-not-load' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
