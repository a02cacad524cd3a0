import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSegments } from '../../../../electron/services/serving/confined-path';
import { createMediaHandler } from '../../../../electron/services/serving/media-handler';

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const SECRET = Buffer.from('outside-the-project-secret');

let sandbox: string;
let project: string;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), 'castboard-media-'));
  project = path.join(sandbox, 'Film.castboard');
  await mkdir(path.join(project, 'images'), { recursive: true });
  await mkdir(path.join(project, 'thumbs'), { recursive: true });
  await writeFile(path.join(project, 'images', 'abc.png'), PNG_BYTES);
  await writeFile(path.join(project, 'project.json'), '{"title":"private"}');
  await writeFile(path.join(sandbox, 'secret.png'), SECRET);
  await symlink(path.join(sandbox, 'secret.png'), path.join(project, 'images', 'escape.png'));
  await symlink(sandbox, path.join(project, 'thumbs', 'up'));
  await symlink(path.join(project, 'images', 'abc.png'), path.join(project, 'thumbs', 'inside.png'));
});
afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

const handler = () => createMediaHandler({ getProjectRoot: () => project });
const get = (url: string) => handler()(new Request(url));

describe('media handler', () => {
  it('serves a project image with its content type', async () => {
    const response = await get('castboard-media://project/images/abc.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('serves under a mount path (the harness mounts it at /media/)', async () => {
    const mounted = createMediaHandler({ getProjectRoot: () => project, mountPath: '/media/' });
    expect((await mounted(new Request('http://127.0.0.1:1/media/images/abc.png'))).status).toBe(200);
    expect((await mounted(new Request('http://127.0.0.1:1/images/abc.png'))).status).toBe(404);
  });

  it.each([
    'castboard-media://project/../secret.png',
    'castboard-media://project/images/../../secret.png',
    'castboard-media://project/%2e%2e/secret.png',
    'castboard-media://project/%2E%2E/%2e%2E/secret.png',
    'castboard-media://project/..%2fsecret.png',
    'castboard-media://project/images%2f..%2f..%2fsecret.png',
    'castboard-media://project/..%5csecret.png',
    'castboard-media://project/%252e%252e/secret.png',
    'castboard-media://project/{encoded-absolute-secret}',
    'castboard-media://project/{absolute-secret}',
    'castboard-media://project//etc/passwd.png',
    'castboard-media://project/C:%5CWindows%5Cwin.png',
  ])('never serves a file outside the project: %s', async (template) => {
    const secretPath = path.join(sandbox, 'secret.png');
    const url = template.replace('{encoded-absolute-secret}', encodeURIComponent(secretPath)).replace('{absolute-secret}', secretPath);
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(Buffer.from(await response.arrayBuffer()).includes(SECRET)).toBe(false);
  });

  it('refuses every symbolic link, to a file or a folder, also one that points inside the project (issue #16)', async () => {
    expect((await get('castboard-media://project/images/escape.png')).status).toBe(403);
    expect((await get('castboard-media://project/thumbs/up/secret.png')).status).toBe(403);
    expect((await get('castboard-media://project/thumbs/inside.png')).status).toBe(403);
  });

  it('serves images only, never the project document', async () => {
    expect((await get('castboard-media://project/project.json')).status).toBe(403);
  });

  it('serves nothing when no project is open, and only GET/HEAD', async () => {
    const closed = createMediaHandler({ getProjectRoot: () => null });
    expect((await closed(new Request('castboard-media://project/images/abc.png'))).status).toBe(404);
    const post = await handler()(new Request('castboard-media://project/images/abc.png', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});

describe('decodeSegments', () => {
  it.each(['../x.png', '%2e%2e/x.png', 'a/%2E/x.png', '/etc/passwd', 'a//b.png', 'a%00b.png', 'c:%5Cx.png', '%E0%A4%A.png'])(
    'rejects %s',
    (input) => expect(decodeSegments(input)).toBeNull(),
  );
  it('decodes plain names', () => {
    expect(decodeSegments('images/a%20b.png')).toEqual(['images', 'a b.png']);
  });
});
