/**
 * Remembers the data URLs of recently prepared uploads (character references, masks), keyed by
 * the content hash of the original bytes. A batch of panels sends the same reference many times;
 * preparing it once saves a sharp decode/encode per panel. Bounded, oldest entries evicted first;
 * a failed preparation is not remembered.
 */
import { createHash } from 'node:crypto';

export class UploadCache {
  readonly #entries = new Map<string, Promise<string>>();

  constructor(private readonly maxEntries = 8) {}

  get(bytes: Uint8Array, prepare: () => Promise<string>): Promise<string> {
    const key = createHash('sha256').update(bytes).digest('hex');
    const cached = this.#entries.get(key);
    if (cached) return cached;
    const pending = prepare();
    this.#entries.set(key, pending);
    pending.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return pending;
  }
}
