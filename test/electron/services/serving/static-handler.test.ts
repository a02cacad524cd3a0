/**
 * The renderer's files as the app's protocol (and the harness) serve them, from a real Vite build
 * layout: content-named bundles may be kept for good, index.html is asked again every time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../../../electron/services/serving/static-handler';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'castboard-static-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/index-DLDelx4M.js"></script>');
  await writeFile(path.join(root, 'assets', 'index-DLDelx4M.js'), 'export {};');
  await writeFile(path.join(root, 'assets', 'index-CByOqlFR.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'notes.js'), 'export {};');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (relative: string) => createStaticHandler({ root })(new Request(`castboard://app/${relative}`));

describe('static handler caching', () => {
  it('lets the browser keep a content-named script and stylesheet (and so its compiled code)', async () => {
    for (const file of ['assets/index-DLDelx4M.js', 'assets/index-CByOqlFR.css']) {
      const response = await get(file);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('asks again for index.html and any file whose name does not carry its content hash', async () => {
    for (const file of ['', 'index.html', 'assets/notes.js']) {
      const response = await get(file);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });
});
