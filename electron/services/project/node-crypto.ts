/**
 * node:crypto, loaded on first use. Reading a project (`castboard info`, an export's first steps)
 * never hashes or names a temp file, and loading the module costs a few milliseconds of a
 * command that should start at once; writers and hashers take it when they first need it.
 */
type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

export function nodeCrypto(): NodeCrypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}
