import { describe, expect, it, vi } from 'vitest';
import { createSettingsService, type KeyValueStore } from '../../../../electron/services/settings/settings-service';

function store(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value), delete: (key) => void delete data[key] };
}

describe('settings service', () => {
  it('gives defaults on first run: the AIgateway URL, 10 parallel requests, a 180 s request deadline, Retry-After waited up to 10 min, $0.05 an image, 1 s autosave', () => {
    expect(createSettingsService(store()).get()).toMatchObject({
      gatewayBaseUrl: 'https://api.aigateway.sh/v1',
      concurrency: 10,
      requestTimeoutSeconds: 180,
      retryAfterCapSeconds: 600,
      pricePerImageCents: 5,
      autosaveDelayMs: 1000,
    });
  });

  it('keeps good fields when one stored field is damaged', () => {
    const service = createSettingsService(store({ settings: { concurrency: 'lots', pricePerImageCents: 7 } }));
    expect(service.get()).toMatchObject({ concurrency: 10, pricePerImageCents: 7 });
  });

  it('stores an update, keeps other fields and reports the change', () => {
    const backing = store();
    const onChange = vi.fn();
    const service = createSettingsService(backing, onChange);
    service.update({ pricePerImageCents: 8 });
    const next = service.update({ concurrency: 2 });
    expect(next).toMatchObject({ concurrency: 2, pricePerImageCents: 8 });
    expect(createSettingsService(backing).get()).toEqual(next);
    expect(onChange).toHaveBeenLastCalledWith(next);
  });
});
