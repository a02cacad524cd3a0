/**
 * Castboard that cannot start says so, with the reason (secrets cut) and where the log is, instead
 * of quitting without a word after a double-click.
 */
import { describe, expect, it } from 'vitest';
import { startFailureMessage } from '../../../electron/main/start-failure';

describe('the start-up failure message', () => {
  it('names the reason and the log file, and says no project was touched', () => {
    const { title, content } = startFailureMessage(new Error('EACCES: permission denied, open /home/artist/.config/Castboard/settings.json'), '/home/artist/.config/Castboard/logs/main.log');
    expect(title).toBe('Castboard could not start');
    expect(content).toContain('EACCES: permission denied, open /home/artist/.config/Castboard/settings.json');
    expect(content).toContain('/home/artist/.config/Castboard/logs/main.log');
    expect(content).toContain('Your projects were not opened or changed.');
  });

  it('never shows a key that the reason quotes', () => {
    const key = 'sk-live-0123456789abcdefghijklmnopqrstuv';
    const { content } = startFailureMessage(new Error(`Gateway refused key ${key}`), '/logs/main.log');
    expect(content).not.toContain(key);
  });

  it('has words for a failure without a message', () => {
    expect(startFailureMessage('', '/logs/main.log').content).toMatch(/^An unexpected error stopped it\./);
  });
});
