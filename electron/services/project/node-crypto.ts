/**
 * node:crypto, loaded on first use. Reading a project (`castboard info`, an export's first steps)
 * never hashes or names a temp file, and loading the module costs a few milliseconds of a
 * command that should start at once; writers and hashers take it when they first need it.
 */
import type * as Crypto from 'node:crypto';

let loaded: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}
