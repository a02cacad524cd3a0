import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents } from '../../../../electron/main/window/navigation-guards';
import { isAllowedRendererRequest, lockDownSession } from '../../../../electron/main/window/session-guards';
import { secureWebPreferences } from '../../../../electron/main/window/web-preferences';
import { silentLogger } from '../../../../electron/services/logger';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/serving/content-security-policy';

describe('window web preferences', () => {
  it('isolate and sandbox the renderer with no Node and no webviews', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('navigation guards', () => {
  function guarded() {
    const contents = Object.assign(new EventEmitter(), { openHandler: undefined as undefined | ((details: { url: string }) => unknown) });
    const target = {
      on: (event: string, listener: (...args: unknown[]) => void) => contents.on(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => void (contents.openHandler = handler),
    };
    guardWebContents(target as never, silentLogger);
    return contents;
  }

  it('denies window.open', () => {
    expect(guarded().openHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('cancels %s', (eventName) => {
    const contents = guarded();
    const event = { url: 'https://evil.example', preventDefault: vi.fn(), isMainFrame: true };
    contents.emit(eventName, event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('cancels sub-frame navigation', () => {
    const event = { url: 'https://evil.example', preventDefault: vi.fn(), isMainFrame: false };
    guarded().emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('session lock-down', () => {
  function lockedSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: never) => void (handlers.request = fn),
      setPermissionCheckHandler: (fn: never) => void (handlers.check = fn),
      webRequest: { onBeforeRequest: (fn: never) => void (handlers.beforeRequest = fn) },
    };
    lockDownSession(session, silentLogger);
    return handlers as Record<string, (...args: unknown[]) => unknown>;
  }

  it('denies every permission request and check', () => {
    const handlers = lockedSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.(null, permission)).toBe(false);
    }
  });

  it('cancels requests that leave the app schemes', () => {
    const handlers = lockedSession();
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      handlers.beforeRequest?.({ url }, (answer: { cancel: boolean }) => (cancel = answer.cancel));
      return cancel;
    };
    expect(decide('https://api.aigateway.sh/v1/images')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('castboard://app/index.html')).toBe(false);
    expect(decide('castboard-media://project/images/a.png')).toBe(false);
    expect(isAllowedRendererRequest('not a url')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only own scripts and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
