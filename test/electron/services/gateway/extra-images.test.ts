/**
 * An answer with more images than the request's n asked for: only the images asked for are kept
 * (the rest could take a panel past its take cap), the extra ones are logged, and the cost is what
 * the gateway charged (X-Cost-Cents, extras included: that money is spent) or, without that
 * header, the price of the images asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../electron/services/logger';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { generateInput, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

function capturingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, error: () => {}, warn: (message) => void warnings.push(message) };
}

describe('more images than asked', () => {
  it.each([
    ['b64', 'the charge the gateway sent', 5, 15, 'header'],
    ['url', 'the charge the gateway sent', 5, 15, 'header'],
    ['async', 'the charge the gateway sent', 5, 15, 'header'],
    ['b64', 'the price of the images asked for', null, 5, 'price'],
  ] as const)('%s answer, 3 images for n = 1: one image kept, counted at %s', async (mode, _what, costCents, expected, source) => {
    const logger = capturingLogger();
    kit = await startKit({ mode, costCents }, { logger });
    kit.gateway.script(fault.extraImages(2));
    const result = await kit.client.generatePanel(await generateInput({ variations: 1 }));
    expect(result.images).toHaveLength(1);
    expect(result).toMatchObject({ costCents: expected, costSource: source });
    expect(logger.warnings).toEqual([expect.stringContaining('more images than asked')]);
    // Only the image kept is downloaded.
    expect(kit.gateway.requests.filter((request) => request.path.startsWith('/files/'))).toHaveLength(mode === 'b64' ? 0 : 1);
  });

  it('an answer with exactly n images keeps them all and logs nothing', async () => {
    const logger = capturingLogger();
    kit = await startKit({ mode: 'b64' }, { logger });
    const result = await kit.client.generatePanel(await generateInput({ variations: 3 }));
    expect(result.images).toHaveLength(3);
    expect(result).toMatchObject({ costCents: 15, costSource: 'header' });
    expect(logger.warnings).toEqual([]);
  });
});
