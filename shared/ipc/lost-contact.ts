/** What either side of the bridge says when main stopped answering (zod-free: the preload imports it). */
export const LOST_CONTACT_MESSAGE = 'Castboard lost contact with its main process. Restart the app; your saved work is safe.';
