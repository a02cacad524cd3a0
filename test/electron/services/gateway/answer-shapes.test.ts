import { describe, expect, it } from 'vitest';
import { readImagesAnswer, readJobAnswer } from '../../../../electron/services/gateway/answer-shapes';

describe('answer shapes', () => {
  it('reads b64 and url image answers', () => {
    expect(readImagesAnswer({ created: 1, data: [{ b64_json: 'AAA', seed: 3 }, { url: 'https://x/y.png' }] })).toEqual([
      { kind: 'b64', data: 'AAA', seed: 3 },
      { kind: 'url', url: 'https://x/y.png', seed: undefined },
    ]);
    for (const bad of [{}, { data: [] }, { data: [{}] }, null, 'html']) {
      expect(() => readImagesAnswer(bad)).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_RESPONSE' }));
    }
  });

  it('reads every completed-job shape', () => {
    expect(readJobAnswer({ status: 'completed', result: { file_url: 'https://a' } })).toEqual({ state: 'completed', images: [{ kind: 'url', url: 'https://a', seed: undefined }] });
    expect(readJobAnswer({ status: 'succeeded', result_url: 'https://b' })).toMatchObject({ images: [{ url: 'https://b' }] });
    expect(readJobAnswer({ status: 'completed', data: [{ b64_json: 'QQ' }] })).toMatchObject({ images: [{ kind: 'b64' }] });
    expect(() => readJobAnswer({ status: 'completed' })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_RESPONSE' }));
  });

  it('tells pending, failed and safety-failed jobs apart', () => {
    expect(readJobAnswer({ status: 'running' })).toEqual({ state: 'pending', status: 'running' });
    expect(readJobAnswer({ status: 'failed', error: 'boom' })).toEqual({ state: 'failed', words: { message: 'boom', type: undefined, code: undefined }, safety: false });
    expect(readJobAnswer({ status: 'failed', error: { code: 'content_policy_violation' } })).toMatchObject({ safety: true });
    expect(() => readJobAnswer({ status: 'weird' })).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_RESPONSE' }));
  });
});
