/** The progress lines a CI log gets: one per tenth of the work, or per 10 s of a slow stretch. */
import { describe, expect, it } from 'vitest';
import { createPlainProgress, PLAIN_PROGRESS_INTERVAL_MS } from '../../../electron/cli/plain-progress';

describe('plain progress lines', () => {
  it('prints the first update, each further tenth and the last, whatever the number of steps', () => {
    const progress = createPlainProgress(() => 0);
    const lines = Array.from({ length: 1001 }, (_, done) => progress.line('Exporting', done, 1000, 'panels')).filter(Boolean);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('Exporting: 0/1000 panels (0%)');
    expect(lines[1]).toBe('Exporting: 100/1000 panels (10%)');
    expect(lines.at(-1)).toBe('Exporting: 1000/1000 panels (100%)');
  });

  it('also prints when a slow stretch has gone on for the interval with some progress, never twice for the same count', () => {
    let clock = 0;
    const progress = createPlainProgress(() => clock);
    expect(progress.line('Checking', 0, 100, 'panels')).not.toBeNull();
    clock = PLAIN_PROGRESS_INTERVAL_MS - 1;
    expect(progress.line('Checking', 1, 100, 'panels')).toBeNull();
    clock = PLAIN_PROGRESS_INTERVAL_MS;
    expect(progress.line('Checking', 2, 100, 'panels')).toBe('Checking: 2/100 panels (2%)');
    clock += PLAIN_PROGRESS_INTERVAL_MS;
    expect(progress.line('Checking', 2, 100, 'panels')).toBeNull();
  });
});
