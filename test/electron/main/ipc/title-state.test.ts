/**
 * `app:setTitleState` from the renderer reaches the window shell after validation; without a shell
 * (the browser harness) it is simply acknowledged. `app:command` is a contract event whose payload
 * is checked before it is pushed.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../../electron/main/ipc/dispatcher';
import { registerApp, type WindowShell } from '../../../../electron/main/ipc/register-app';
import type { Registrar } from '../../../../electron/main/ipc/registrar';
import { silentLogger } from '../../../../electron/services/logger';

function mount(shell?: WindowShell) {
  const dispatcher = createDispatcher(silentLogger);
  const registrar: Registrar = { handle: (channel, handler) => dispatcher.register(channel, handler), push: vi.fn() };
  registerApp(registrar, {} as never, shell);
  return dispatcher;
}

describe('app:setTitleState', () => {
  it('hands the parsed state to the window shell', async () => {
    const shell = { setTitleState: vi.fn<WindowShell['setTitleState']>(), setModalState: vi.fn<WindowShell['setModalState']>() };
    const answer = await mount(shell).dispatch('app:setTitleState', { projectTitle: 'Night Shift', dirty: true, unsentEdits: true });
    expect(answer).toEqual({ ok: true, value: null });
    expect(shell.setTitleState).toHaveBeenCalledWith({ projectTitle: 'Night Shift', dirty: true, unsentEdits: true });
  });

  it('refuses a malformed state before the shell sees it', async () => {
    const shell = { setTitleState: vi.fn<WindowShell['setTitleState']>(), setModalState: vi.fn<WindowShell['setModalState']>() };
    const answer = await mount(shell).dispatch('app:setTitleState', { projectTitle: 3, dirty: 'yes', extra: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(shell.setTitleState).not.toHaveBeenCalled();
  });

  it('is acknowledged where there is no window shell', async () => {
    expect(await mount().dispatch('app:setTitleState', { projectTitle: null, dirty: false })).toEqual({ ok: true, value: null });
  });
});

describe('app:command', () => {
  it('carries only known commands', () => {
    const dispatcher = createDispatcher(silentLogger);
    expect(dispatcher.checkEvent('app:command', { command: 'project.reload' })).toEqual({ command: 'project.reload' });
    expect(() => dispatcher.checkEvent('app:command', { command: 'project.format' } as never)).toThrow();
  });
});
