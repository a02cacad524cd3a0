/**
 * Keeps secrets out of log lines. Two layers, because a log file is sent to support and pasted
 * into issues:
 *  - known secrets (the current API key, asked for at the moment of logging) are cut out of every
 *    string wherever they appear, also URL-encoded;
 *  - shapes that look like credentials are cut even when the key is not known yet or has changed:
 *    `Bearer <token>`, `sk-...` keys, `api_key=...`-style assignments, and whole fields whose
 *    name says they hold a secret (apiKey, authorization, token...).
 * Invariants: redaction never throws and never returns a value that contains a known secret;
 * Errors become plain objects (name, message, stack, code, cause), all redacted; cycles and deep
 * nesting end in markers, bytes are summarised, never dumped.
 */
import type { Logger } from '../logger';

export const REDACTED = '[redacted]';

/** Field names whose values are secrets whatever they look like. */
const SECRET_FIELD = /^(api[-_]?key|key|authorization|proxy-authorization|x-api-key|bearer|token|access[-_]?token|refresh[-_]?token|secret|client[-_]?secret|password|passphrase|cookie|set-cookie)$/i;

const CREDENTIAL_SHAPES: ReadonlyArray<[RegExp, string]> = [
  // Authorization headers and their echoes in error messages.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi, `$1 ${REDACTED}`],
  // OpenAI-style keys (sk-..., sk-proj-...), wherever they appear.
  [/\bsk-[A-Za-z0-9_-]{8,}/g, REDACTED],
  // key=value and "key": "value" forms, e.g. in query strings, JSON bodies or env dumps.
  // (An `Authorization: Bearer ...` value was handled above and keeps its scheme word.)
  [/\b((?:api[-_]?key|access[-_]?token|token|secret|password|authorization)["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic)\s|\[redacted\])[^\s"'&,;}]{4,}/gi, `$1${REDACTED}`],
];

/** Shorter strings are never treated as secrets (they would shred ordinary words). */
const MIN_SECRET_LENGTH = 8;
const MAX_DEPTH = 6;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function usableSecrets(secrets: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is removed whole.
  return [...variants].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of usableSecrets(secrets)) result = result.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  for (const [pattern, replacement] of CREDENTIAL_SHAPES) result = result.replace(pattern, replacement);
  return result;
}

function redactError(error: Error, secrets: readonly string[], depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const plain: Record<string, unknown> = { name: error.name, message: redactText(error.message, secrets) };
  if (error.stack) plain.stack = redactText(error.stack, secrets);
  const extra = error as Error & { code?: unknown; status?: unknown; cause?: unknown };
  if (extra.code !== undefined) plain.code = walk(extra.code, secrets, depth + 1, seen);
  if (extra.status !== undefined) plain.status = walk(extra.status, secrets, depth + 1, seen);
  if (extra.cause !== undefined) plain.cause = walk(extra.cause, secrets, depth + 1, seen);
  return plain;
}

function walk(value: unknown, secrets: readonly string[], depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? String(typeof value) : value;
  }
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, secrets, depth, seen);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((item) => walk(item, secrets, depth + 1, seen));
  if (value instanceof Map) return walk(Object.fromEntries(value), secrets, depth + 1, seen);
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    plain[redactText(key, secrets)] = SECRET_FIELD.test(key) && item !== null && item !== undefined && item !== '' ? REDACTED : walk(item, secrets, depth + 1, seen);
  }
  return plain;
}

/** A copy of `value` safe to log: strings redacted, secret-named fields blanked, Errors flattened. */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  return walk(value, secrets, 0, new WeakSet());
}

/**
 * Wraps a logger so nothing reaches it unredacted. `secrets` is asked on every line, so a key
 * set or changed while the app runs is covered from that moment on. A line logged while
 * `secrets` itself runs (the key vault warning that it cannot decrypt) is redacted by shape only,
 * instead of asking again and recursing.
 */
export function createRedactingLogger(inner: Logger, secrets: () => readonly string[]): Logger {
  let looking = false;
  const currentSecrets = (): readonly string[] => {
    if (looking) return [];
    looking = true;
    try {
      return secrets().filter((secret): secret is string => typeof secret === 'string');
    } catch {
      return []; // the shapes still apply; a failing lookup must never stop a log line
    } finally {
      looking = false;
    }
  };
  const line = (level: keyof Logger) => (message: string, fields?: Record<string, unknown>) => {
    const known = currentSecrets();
    const safeMessage = redactText(String(message), known);
    if (fields === undefined) inner[level](safeMessage);
    else inner[level](safeMessage, redactValue(fields, known) as Record<string, unknown>);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * The secrets this process knows (the saved API key, the CLI's AIGATEWAY_API_KEY). The key vault
 * and the CLI register them as soon as they are read, so every boundary below can cut them out
 * even where the key itself is not at hand.
 */
const knownSecrets = new Set<string>();

export function registerSecret(secret: string | undefined): void {
  if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) knownSecrets.add(secret);
}

export function registeredSecrets(): string[] {
  return [...knownSecrets];
}

/**
 * For text that leaves main (gateway messages in errors and job views, CLI output, IPC error
 * messages): registered secrets and credential shapes are cut.
 */
export function redactOutgoing(text: string): string {
  return redactText(text, registeredSecrets());
}

/**
 * For documents and payloads that leave main (IPC answers, push events): the registered secrets
 * are cut from every string, the shape is kept (so schemas still hold), and nothing else changes:
 * a prompt that happens to say "password: swordfish" is the artist's text, not a credential.
 * Only the objects and arrays on the way to a cut string are copied; anything without a secret is
 * returned as it is (never mutated), so a 500-panel project with a key set is walked, not copied,
 * on every open.
 */
export function redactSecretsDeep<T>(value: T): T {
  const secrets = usableSecrets(registeredSecrets());
  if (secrets.length === 0) return value;
  const cut = (text: string) => secrets.reduce((result, secret) => (result.includes(secret) ? result.split(secret).join(REDACTED) : result), text);
  const visit = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return cut(item);
    if (item === null || typeof item !== 'object' || depth > 64 || ArrayBuffer.isView(item)) return item;
    const isArray = Array.isArray(item);
    if (!isArray && Object.getPrototypeOf(item) !== Object.prototype) return item;
    // An array's entries come keyed "0", "1"...: its copy is written by the same keys.
    let copy: Record<string, unknown> | null = null;
    for (const [key, entry] of Object.entries(item)) {
      const redacted = visit(entry, depth + 1);
      if (redacted !== entry) (copy ??= (isArray ? [...(item as unknown[])] : { ...item }) as Record<string, unknown>)[key] = redacted;
    }
    return copy ?? item;
  };
  return visit(value, 0) as T;
}
