/**
 * Mounts the app's two schemes. `castboard://app/` serves the built renderer with its CSP;
 * `castboard-media://project/` serves project images. Both are plain `(Request) => Response`
 * handlers from electron/services/serving, the same ones the browser harness mounts on HTTP.
 */
import { protocol, type Session } from 'electron';
import { APP_SCHEME, MEDIA_SCHEME } from '../../../shared/app-urls';
import type { RequestHandler } from '../../services/serving/media-handler';

/** Must run before the app is ready. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function mountProtocols(session: Session, handlers: { app: RequestHandler; media: RequestHandler }): void {
  session.protocol.handle(APP_SCHEME, handlers.app);
  session.protocol.handle(MEDIA_SCHEME, handlers.media);
}
