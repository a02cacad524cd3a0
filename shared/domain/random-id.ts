/**
 * New ids for characters, panels and takes. Ids are opaque (IdSchema in project-primitives.ts says
 * what one may contain); UUIDs from crypto.randomUUID() fit, and so do short test ids. Free of zod,
 * so the editor adds a panel without loading the schema.
 */
export type IdFactory = () => string;

/** Browser and Node 20 both have the global Web Crypto `randomUUID`, so shared/ needs no node:crypto. */
export const randomId: IdFactory = () => globalThis.crypto.randomUUID();
