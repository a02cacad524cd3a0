/**
 * The menu follows the open project on main's side: after calls that open, replace or close the
 * project, the callback runs (once the answer is known); other calls and their answers pass
 * through untouched.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../../electron/main/ipc/dispatcher';
import { notifyOnProjectSwitch } from '../../../../electron/main/menu/follow-project';
import { silentLogger } from '../../../../electron/services/logger';

describe('notifyOnProjectSwitch', () => {
  it('calls back after project switches only, with the answer unchanged', async () => {
    const onSwitch = vi.fn();
    const dispatcher = notifyOnProjectSwitch(createDispatcher(silentLogger), onSwitch);
    dispatcher.register('project:close', async () => {
      expect(onSwitch).not.toHaveBeenCalled(); // not before the project really closed
      return null;
    });
    dispatcher.register('key:status', () => ({ hasKey: false, last4: null, storage: 'encrypted' as const }));

    expect(await dispatcher.dispatch('key:status', undefined)).toMatchObject({ ok: true });
    expect(onSwitch).not.toHaveBeenCalled();
    expect(await dispatcher.dispatch('project:close', undefined)).toEqual({ ok: true, value: null });
    expect(onSwitch).toHaveBeenCalledOnce();
  });

  it('also calls back when the switch failed (the recent list or state may still have changed)', async () => {
    const onSwitch = vi.fn();
    const dispatcher = notifyOnProjectSwitch(createDispatcher(silentLogger), onSwitch);
    dispatcher.register('project:openRecent', () => {
      throw new Error('gone');
    });
    expect(await dispatcher.dispatch('project:openRecent', { path: '/x.castboard' })).toMatchObject({ ok: false });
    expect(onSwitch).toHaveBeenCalledOnce();
  });
});
