import { describe, expect, it } from 'vitest';
import { UploadCache } from '../../../../electron/services/gateway/upload-cache';

describe('UploadCache', () => {
  it('prepares the same bytes once, and forgets failures', async () => {
    const cache = new UploadCache(2);
    let calls = 0;
    const prepare = async () => `url-${++calls}`;
    expect(await cache.get(Buffer.from('a'), prepare)).toBe('url-1');
    expect(await cache.get(Buffer.from('a'), prepare)).toBe('url-1');
    await expect(cache.get(Buffer.from('b'), () => Promise.reject(new Error('bad')))).rejects.toThrow('bad');
    expect(await cache.get(Buffer.from('b'), prepare)).toBe('url-2');
  });

  it('evicts the oldest entry beyond its size', async () => {
    const cache = new UploadCache(2);
    let calls = 0;
    const prepare = async () => `url-${++calls}`;
    for (const key of ['a', 'b', 'c']) await cache.get(Buffer.from(key), prepare);
    expect(await cache.get(Buffer.from('c'), prepare)).toBe('url-3');
    expect(await cache.get(Buffer.from('a'), prepare)).toBe('url-4');
  });
});
