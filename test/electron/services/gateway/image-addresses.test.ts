/**
 * Image links come from the gateway's answer. Castboard downloads only over https or from the
 * gateway's own origin (the fake gateway runs on http://127.0.0.1): a link anywhere else (plain
 * http to another host, data:, file:, ftp:, javascript:), or a redirect there, is never fetched.
 * The image was paid for, so it is counted as paid and unusable, with an error naming the reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mayDownloadFrom } from '../../../../electron/services/gateway/download-address';
import { fault, startFakeGateway, type FakeGateway } from '../../../fakes/gateway/fake-gateway';
import { solidPng } from '../../../fakes/gateway/test-images';
import { generateInput, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
let elsewhere: FakeGateway | undefined;
afterEach(async () => {
  await kit?.close();
  await elsewhere?.close();
  kit = undefined;
  elsewhere = undefined;
});

const REFUSED = { code: 'GATEWAY_BAD_IMAGE', paid: 'unusable', costCents: 5, message: expect.stringContaining('address Castboard will not download from') };

/** A real image link on another host (another origin): a second fake gateway's file. */
async function linkElsewhere(): Promise<string> {
  elsewhere = await startFakeGateway({ mode: 'url' });
  const other = await startKit({ mode: 'url' });
  try {
    const client = other.makeClient({ baseURL: elsewhere.url });
    await client.generatePanel(await generateInput());
    const download = other.sent.find((request) => request.url.includes('/files/'));
    if (!download) throw new Error('the other gateway answered without a link');
    elsewhere.reset(); // its log now holds only what the client under test asks of it
    return download.url;
  } finally {
    await other.close();
  }
}

const downloadsFrom = (gateway: FakeGateway) => gateway.requests.filter((request) => request.path.startsWith('/files/'));

describe('image links the gateway answers with', () => {
  it.each([
    ['a data: URL', async () => `data:image/png;base64,${(await solidPng(64, 36)).toString('base64')}`],
    ['a file: URL', () => Promise.resolve('file:///etc/hostname')],
    ['an ftp: URL', () => Promise.resolve('ftp://127.0.0.1/panel.png')],
    ['a javascript: URL', () => Promise.resolve('javascript:alert(1)')],
    ['plain http on another host', linkElsewhere],
  ])('%s is not fetched: the image is paid and unusable', async (_what, makeLink) => {
    const link = await makeLink();
    kit = await startKit({ mode: 'url' });
    kit.gateway.script(fault.imageUrl(link));
    await expect(kit.client.generatePanel(await generateInput())).rejects.toMatchObject(REFUSED);
    expect(kit.sent.filter((request) => request.url === link)).toEqual([]);
    if (elsewhere) expect(downloadsFrom(elsewhere)).toEqual([]);
  });

  it('a finished async job linking to another host: paid and unusable, not kept to be collected again', async () => {
    const link = await linkElsewhere();
    kit = await startKit({ mode: 'async' });
    kit.gateway.script(fault.imageUrl(link, 'poll'));
    await expect(kit.client.generatePanel(await generateInput())).rejects.toMatchObject({ ...REFUSED, jobKept: false });
    expect(downloadsFrom(elsewhere!)).toEqual([]);
  });

  it('a redirect to another host is not followed; one on the gateway itself is, without the API key', async () => {
    const link = await linkElsewhere();
    kit = await startKit({ mode: 'url' });
    kit.gateway.script(fault.redirect(link));
    await expect(kit.client.generatePanel(await generateInput())).rejects.toMatchObject(REFUSED);
    expect(downloadsFrom(elsewhere!)).toEqual([]);

    // A link on the gateway's own origin that redirects to another of its files is downloaded.
    await kit.client.generatePanel(await generateInput());
    const own = kit.sent.filter((request) => request.url.includes('/files/')).at(-1)!.url;
    const before = downloadsFrom(kit.gateway).length;
    kit.gateway.script(fault.redirect(own));
    const result = await kit.client.generatePanel(await generateInput());
    expect(result.images).toHaveLength(1);
    const downloads = downloadsFrom(kit.gateway).slice(before);
    expect(downloads.map((request) => [request.status, request.path])).toEqual([
      [302, expect.stringMatching(/^\/files\//)],
      [200, new URL(own).pathname],
    ]);
    expect(downloads.every((request) => !request.hasAuthorization)).toBe(true);
  });
});

describe('mayDownloadFrom', () => {
  it('takes https anywhere and the gateway origin, nothing else', () => {
    const origin = 'http://127.0.0.1:8787';
    expect(mayDownloadFrom('https://files.example.com/a.png?sig=1', origin)).toBe(true);
    expect(mayDownloadFrom('http://127.0.0.1:8787/files/a.png', origin)).toBe(true);
    expect(mayDownloadFrom('http://127.0.0.1:8788/files/a.png', origin)).toBe(false);
    expect(mayDownloadFrom('http://files.example.com/a.png', origin)).toBe(false);
    expect(mayDownloadFrom('not a link', origin)).toBe(false);
  });
});
