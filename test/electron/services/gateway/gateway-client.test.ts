import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { noisyPng } from '../../../fakes/gateway/test-images';
import { generateInput, imageRequests, restyleInput, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

type Body = Record<string, unknown>;

describe('gateway client: generatePanel', () => {
  it('sends the Ideogram character request and returns verified PNGs with the gateway cost', async () => {
    kit = await startKit();
    const result = await kit.client.generatePanel(await generateInput({ variations: 2 }));
    const [request] = imageRequests(kit.gateway);
    const body = request!.body as Body;
    expect(body).toMatchObject({
      model: 'ideogram/ideogram-character',
      n: 2,
      size: '1312x736',
      response_format: 'b64_json',
      seed: 42,
      style_type: 'FICTION',
      rendering_speed: 'TURBO',
      negative_prompt: 'text, watermark',
    });
    expect(body.prompt).toBe(
      'Wide shot, low angle. Mara climbs the lighthouse stairs in a storm. Character: Mara, a lighthouse keeper with a red raincoat. Style: ink and watercolour.',
    );
    expect(body.character_reference_images).toEqual([expect.stringMatching(/^data:image\/png;base64,/)]);
    expect(request!.hasAuthorization).toBe(true);
    expect(request!.idempotencyKey).toMatch(/\S{8,}/);

    expect(result.images).toHaveLength(2);
    for (const image of result.images) {
      expect(await sharp(image.png).metadata()).toMatchObject({ format: 'png', width: 1312, height: 736 });
      expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(result.images.map((i) => i.seed)).toEqual([42, 43]);
    expect(result).toMatchObject({ costCents: 10, costSource: 'header', model: 'ideogram/ideogram-character' });
    expect(result.params).toEqual({
      model: 'ideogram/ideogram-character',
      prompt: body.prompt,
      n: 2,
      size: '1312x736',
      seed: 42,
      style_type: 'FICTION',
      rendering_speed: 'TURBO',
      negative_prompt: 'text, watermark',
    });
  });

  it('uses the price setting when the gateway sends no X-Cost-Cents', async () => {
    kit = await startKit({ costCents: null }, { pricePerImageCents: 7 });
    const result = await kit.client.generatePanel(await generateInput({ variations: 3 }));
    expect(result).toMatchObject({ costCents: 21, costSource: 'price' });
  });

  it.each([
    ['2.39:1', '1536x640'],
    ['9:16', '736x1312'],
    ['1:1', '1024x1024'],
  ] as const)('asks for a size matching the %s aspect ratio', async (aspectRatio, size) => {
    kit = await startKit();
    const result = await kit.client.generatePanel(await generateInput({ aspectRatio }));
    expect((imageRequests(kit.gateway)[0]!.body as Body).size).toBe(size);
    const [w, h] = size.split('x').map(Number);
    expect([result.images[0]!.width, result.images[0]!.height]).toEqual([w, h]);
  });

  it('downloads url answers at once and verifies them', async () => {
    kit = await startKit({ mode: 'url' });
    const result = await kit.client.generatePanel(await generateInput());
    expect(result.images[0]).toMatchObject({ width: 1312, height: 736 });
    expect(kit.gateway.requests.map((r) => r.method + ' ' + r.path.split('/').slice(0, 2).join('/'))).toEqual(['POST /v1', 'GET /files']);
    // The file host never receives the API key.
    expect(kit.gateway.requests[1]!.hasAuthorization).toBe(false);
  });

  it('downscales a reference over the upload cap instead of sending it', async () => {
    const bigReference = await noisyPng(700, 500);
    const cap = 250_000;
    kit = await startKit({ maxUploadBytes: cap }, { maxUploadBytes: cap });
    const input = await generateInput();
    input.character.referencePng = bigReference;
    await kit.client.generatePanel(input);
    const sentUrl = (imageRequests(kit.gateway)[0]!.body as Body).character_reference_images as string[];
    const sentBytes = Buffer.from(sentUrl[0]!.split(',')[1]!, 'base64');
    expect(bigReference.length).toBeGreaterThan(cap);
    expect(sentBytes.length).toBeLessThanOrEqual(cap);
  });

  it('refuses an unreadable reference before sending anything', async () => {
    kit = await startKit();
    const input = await generateInput();
    input.character.referencePng = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await expect(kit.client.generatePanel(input)).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
    expect(kit.gateway.requests).toHaveLength(0);
  });
});

describe('gateway client: restylePanel', () => {
  it('sends the remix request with the source take, image weight and character reference', async () => {
    kit = await startKit();
    const result = await kit.client.restylePanel(await restyleInput({ scene: 'on the cliff', variations: 2 }));
    const body = imageRequests(kit.gateway)[0]!.body as Body;
    expect(body).toMatchObject({ model: 'ideogram/ideogram-character-remix', image_weight: 70, n: 2, size: '1312x736' });
    expect(body.prompt).toBe('film noir, high contrast. on the cliff. Character: Mara, a lighthouse keeper.');
    expect(body.image).toMatch(/^data:image\/png;base64,/);
    expect(body.character_reference_images).toHaveLength(1);
    expect(result.images).toHaveLength(2);
    expect(result.params.image_weight).toBe(70);
  });

  it('keeps nothing when an image in the answer is bad', async () => {
    kit = await startKit();
    kit.gateway.script(fault.truncatedImage());
    await expect(kit.client.restylePanel(await restyleInput())).rejects.toMatchObject({ code: 'GATEWAY_BAD_IMAGE' });
  });
});
