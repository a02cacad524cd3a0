/**
 * An emulation of Electron's contextBridge for the browser harness, so that a test passing in the
 * harness means the same in the app. It follows the "Parameter / Error / Return Type support"
 * table of Electron's contextBridge documentation (docs/api/context-bridge.md):
 *  - strings, numbers, booleans, arrays, Dates, typed arrays, plain data: copied (structured
 *    clone), so the page never shares an object with the preload;
 *  - objects: copied key by key, their prototype dropped ("Prototype modifications are dropped");
 *  - functions: proxied both ways; their arguments and return values cross by these same rules;
 *  - promises: proxied; the resolved value is copied, a rejection crosses as an error;
 *  - errors (thrown, rejected, or passed as values): "copied", and "any custom properties on the
 *    Error object will be lost": a plain `Error` with the message only, so a `code` never survives;
 *  - anything structuredClone refuses (symbols, WeakMaps...) throws, as contextBridge does.
 */

/** What crosses for a thrown or rejected error: its message, nothing else. */
export function reduceError(error: unknown): Error {
  return new Error(error instanceof Error ? error.message : String(error));
}

function proxyFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    let result: unknown;
    try {
      result = fn(...args.map(cross));
    } catch (error) {
      throw reduceError(error);
    }
    return cross(result);
  };
}

function isCopiedAsIs(value: object): boolean {
  return value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Blob;
}

/**
 * Data with nothing the rules above treat specially (no function, promise or error at any depth):
 * structured clone copies it exactly as the key-by-key walk would (own enumerable keys, prototypes
 * dropped), in one native call, as Electron copies it. Keeps a 500-panel project answer from costing
 * the harness tens of milliseconds the app does not pay.
 */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function';
  if (value instanceof Error || value instanceof Promise) return false;
  if (isCopiedAsIs(value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  for (const key in value) if (Object.hasOwn(value, key) && !isPlainData((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** One value crossing the bridge, in either direction. */
export function cross(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && isPlainData(value)) return structuredClone(value);
  if (typeof value === 'function') return proxyFunction(value as (...args: unknown[]) => unknown);
  if (value === null || typeof value !== 'object') return structuredClone(value);
  if (value instanceof Error) return reduceError(value);
  if (value instanceof Promise) return value.then(cross, (error: unknown) => Promise.reject(reduceError(error)));
  if (Array.isArray(value)) return value.map(cross);
  if (isCopiedAsIs(value)) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = cross(entry);
  return copy;
}

/** `contextBridge.exposeInMainWorld(key, api)` for a page without Electron. */
export function exposeInMainWorld(target: Record<string, unknown>, key: string, api: unknown): void {
  Object.defineProperty(target, key, { value: cross(api), enumerable: true, configurable: false, writable: false });
}
