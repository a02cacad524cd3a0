/**
 * The crash test at `npm test` size: 20 SIGKILLs (the full 200 run is `npm run test:crash`).
 * A failure prints the seed; replay it with `npm run test:crash -- --seed <seed> --iterations 20`.
 */
import { expect, it } from 'vitest';
import { runCrashTest } from './crash-harness';

it('a project saved in a loop and killed with SIGKILL 20 times always reopens complete, old or new, with every image', async () => {
  const result = await runCrashTest({ iterations: 20 });
  expect({ seed: result.seed, failures: result.failures }).toEqual({ seed: result.seed, failures: [] });
  expect(result.outcomes.old + result.outcomes.new).toBe(20);
  // The kills must have interrupted a process that was really saving.
  expect(result.savesCompleted).toBeGreaterThan(0);
}, 120_000);
