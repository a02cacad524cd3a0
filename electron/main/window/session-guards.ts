/**
 * Session-wide defences behind the CSP: every permission request and check is denied (Castboard
 * needs no camera, notifications, geolocation...), and any request to a scheme other than the
 * app's own two is cancelled, so even a CSP bypass cannot reach the network.
 */
import type { Session } from 'electron';
import { APP_SCHEME, MEDIA_SCHEME } from '../../../shared/app-urls';
import type { Logger } from '../../services/logger';

const ALLOWED_SCHEMES = new Set([`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'devtools:']);

export function isAllowedRendererRequest(url: string): boolean {
  try {
    return ALLOWED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export function lockDownSession(session: GuardedSession, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('Denied permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRendererRequest(details.url);
    if (!allowed) logger.warn('Blocked request leaving the app', { url: details.url });
    callback({ cancel: !allowed });
  });
}
