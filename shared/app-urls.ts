/**
 * The app's own URL schemes. The renderer is served from `castboard://app/` and project media from
 * `castboard-media://project/<relative path>`; `file://` is never used.
 */
export const APP_SCHEME = 'castboard';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const MEDIA_SCHEME = 'castboard-media';
export const MEDIA_BASE_URL = `${MEDIA_SCHEME}://project/`;
