import { describe, expect, it } from 'vitest';
import { PauseGate, type PauseState } from '../../../../electron/services/gateway/pause-gate';
import { ManualClock } from './manual-clock';

function gate() {
  const clock = new ManualClock();
  const changes: Array<PauseState | null> = [];
  return { clock, changes, gate: new PauseGate(clock.now, clock.sleep, (s) => changes.push(s)) };
}

async function isOpen(promise: Promise<void>): Promise<boolean> {
  const marker = Symbol('pending');
  const winner = await Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(marker), 10))]);
  return winner === true;
}

describe('PauseGate', () => {
  it('a rate limit closes the gate until its time, and only extends', async () => {
    const { clock, gate: g } = gate();
    g.rateLimit(120_000, 'slow down');
    g.rateLimit(5_000, 'shorter');
    expect(g.state).toEqual({ reason: 'rate-limit', resumeAt: clock.now() + 120_000, message: 'slow down' });
    const waiting = g.wait();
    clock.advance(119_999);
    expect(await isOpen(waiting)).toBe(false);
    clock.advance(1);
    expect(await isOpen(waiting)).toBe(true);
    expect(g.state).toBeNull();
  });

  it('a user pause outlives the rate limit, and resume() does not cut the rate limit short', async () => {
    const { clock, gate: g } = gate();
    g.rateLimit(10_000, 'slow down');
    g.pauseForUser('bad-key', 'check the key');
    const waiting = g.wait();
    clock.advance(10_000);
    expect(await isOpen(waiting)).toBe(false);
    expect(g.state).toMatchObject({ reason: 'bad-key' });
    g.rateLimit(30_000, 'again');
    g.resume();
    expect(g.state).toMatchObject({ reason: 'rate-limit' });
    expect(await isOpen(waiting)).toBe(false);
    clock.advance(30_000);
    expect(await isOpen(waiting)).toBe(true);
  });

  it('a cancelled waiter leaves with CANCELLED', async () => {
    const { gate: g } = gate();
    g.pauseForUser('out-of-credits', 'top up');
    const controller = new AbortController();
    const waiting = g.wait(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
