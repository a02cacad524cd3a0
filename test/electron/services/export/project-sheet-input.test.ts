import { describe, expect, it } from 'vitest';
import { displayDate } from '../../../../electron/services/export/project-sheet-input';

describe('displayDate', () => {
  it('writes the header date exactly as en-GB Intl formatting does, for every month and day', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    for (let month = 0; month < 12; month += 1) {
      for (const day of [1, 9, 10, 28]) {
        const date = new Date(2026, month, day, 23, 59);
        expect(displayDate(date)).toBe(intl.format(date));
      }
    }
    expect(displayDate(new Date(999, 0, 5))).toBe(intl.format(new Date(999, 0, 5)));
    expect(displayDate(new Date(2026, 2, 14))).toBe('14 March 2026');
  });
});
