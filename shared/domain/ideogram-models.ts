/**
 * The Ideogram models Castboard asks the gateway for, and the seeds they accept. Free of zod
 * (gateway.ts re-exports these), so the request mapping and the seed field need no schema.
 */

/** The largest seed Ideogram accepts (a signed 32-bit integer); seeds run from 0 to this. */
export const SEED_MAX = 2_147_483_647;

export const IDEOGRAM_CHARACTER_MODEL = 'ideogram/ideogram-character';
export const IDEOGRAM_REMIX_MODEL = 'ideogram/ideogram-character-remix';
