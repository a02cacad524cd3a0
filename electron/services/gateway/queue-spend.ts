/**
 * What a queue session paid: images stored, images paid for but unusable, requests of unknown
 * outcome. Invariant: total = stored + unusable + unknown; an unknown request that a Retry with the
 * same Idempotency-Key later answers is moved from "unknown" to what that answer gave (the key
 * makes it the same charge).
 */
import type { Spend } from '../../../shared/domain/jobs';

export class SpendLedger {
  readonly #spend: Spend = { storedImages: 0, storedCents: 0, unusableImages: 0, unusableCents: 0, unknownRequests: 0, unknownCents: 0 };
  readonly #unknownByKey = new Map<string, number>();

  stored(images: number, cents: number, key: string): void {
    this.#settleUnknown(key);
    this.#spend.storedImages += images;
    this.#spend.storedCents += cents;
  }

  unusable(images: number, cents: number, key: string): void {
    this.#settleUnknown(key);
    this.#spend.unusableImages += images;
    this.#spend.unusableCents += cents;
  }

  unknown(cents: number, key: string): void {
    if (this.#unknownByKey.has(key)) return; // the same request, still unknown
    this.#unknownByKey.set(key, cents);
    this.#spend.unknownRequests += 1;
    this.#spend.unknownCents += cents;
  }

  get totalCents(): number {
    return this.#spend.storedCents + this.#spend.unusableCents + this.#spend.unknownCents;
  }

  snapshot(): Spend {
    return { ...this.#spend };
  }

  #settleUnknown(key: string): void {
    const cents = this.#unknownByKey.get(key);
    if (cents === undefined) return;
    this.#unknownByKey.delete(key);
    this.#spend.unknownRequests -= 1;
    this.#spend.unknownCents -= cents;
  }
}
