/**
 * The API key never reaches the log file. The real chain runs: code logs through the redacting
 * logger into electron-log's file transport (adapters/log.ts) in a temp folder, with the key held
 * by a real key vault; the file is then read back. The canary is put in messages, in fields (flat,
 * nested, in arrays, URL-encoded, in header-like fields) and in errors (message, stack, cause),
 * and an IPC handler failure is logged by the real dispatcher.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, LOG_FILE_NAME } from '../../../../electron/main/adapters/log';
import { createDispatcher } from '../../../../electron/main/ipc/dispatcher';
import { createRedactingLogger, REDACTED, redactSecretsDeep, redactText, redactValue, registerSecret } from '../../../../electron/services/logging/redact';
import { createEmptyProject, createPanel } from '../../../../shared/domain/project-edit';
import { silentLogger } from '../../../../electron/services/logger';
import { createKeyVault } from '../../../../electron/services/secrets/key-vault';
import { createFakeCipher, createMemorySecret } from '../../../harness/harness-adapters';

const CANARY = 'cb-canary-7Hq2xZ9vLk31Pw';
const OTHER_KEY = 'sk-proj-Zz81QmT4rX0aBc9';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'castboard-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function appLoggerWithKey(key: string) {
  const vault = createKeyVault({ cipher: createFakeCipher('encrypted'), persistence: createMemorySecret(), logger: createFileLogger({ directory: dir }) });
  await vault.set(key, { sessionOnly: false });
  const file = createFileLogger({ directory: dir });
  return { logger: createRedactingLogger(file, () => [vault.getKey() ?? '']), file, vault };
}

const logText = () => readFile(path.join(dir, LOG_FILE_NAME), 'utf8');

describe('the log file', () => {
  it('never contains the API key, wherever it was put', async () => {
    const { logger } = await appLoggerWithKey(CANARY);
    const failure = new Error(`Gateway refused key ${CANARY}`, { cause: new Error(`inner: Authorization: Bearer ${CANARY}`) });
    logger.info(`Testing the key ${CANARY} against panel 3`);
    logger.warn('Gateway answered', {
      url: `https://api.aigateway.sh/v1/images?api_key=${encodeURIComponent(CANARY)}`,
      headers: { Authorization: `Bearer ${CANARY}`, 'x-request-id': 'req-42' },
      attempts: [{ note: `retry with ${CANARY}` }, 2],
      apiKey: CANARY,
      deep: { a: { b: { c: CANARY } } },
    });
    logger.error('Generation failed', { error: failure, errors: [failure] });
    logger.error(`Unexpected ${OTHER_KEY} answer`, { error: `Bearer ${OTHER_KEY}` });

    const text = await logText();
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(encodeURIComponent(CANARY));
    expect(text).not.toContain(OTHER_KEY);
    // What is not secret survives, so the log stays useful.
    for (const kept of ['panel 3', 'req-42', 'Gateway refused key', 'Generation failed', 'retry with', REDACTED]) expect(text).toContain(kept);
    expect(text).toMatch(/stack/);
  });

  it('covers a key set after the logger was created, and errors logged by the IPC dispatcher', async () => {
    const file = createFileLogger({ directory: dir });
    let key: string | undefined = undefined;
    const logger = createRedactingLogger(file, () => (key ? [key] : []));
    key = CANARY;
    const dispatcher = createDispatcher(logger);
    dispatcher.register('key:test', () => {
      throw new Error(`socket hang up while sending ${CANARY}`);
    });
    const answer = await dispatcher.dispatch('key:test', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = await logText();
    expect(text).toContain('IPC handler failed');
    expect(text).not.toContain(CANARY);
  });

  it('does not recurse when looking up the key itself logs (a key that cannot be decrypted)', async () => {
    const file = createFileLogger({ directory: dir });
    let logger = createRedactingLogger(file, () => []);
    const persistence = createMemorySecret();
    await createKeyVault({ cipher: createFakeCipher('encrypted'), persistence, logger: silentLogger }).set(CANARY, { sessionOnly: false });
    const broken = { ...createFakeCipher('encrypted'), decrypt: () => Promise.reject(new Error('keychain locked')) };
    const vault = createKeyVault({ cipher: broken, persistence, logger: { info: (m, f) => logger.info(m, f), warn: (m, f) => logger.warn(m, f), error: (m, f) => logger.error(m, f) } });
    logger = createRedactingLogger(file, () => [vault.getKey() ?? '']);
    await vault.load(); // a restart: the stored key cannot be decrypted, which is logged
    logger.info('after restart');
    const text = await logText();
    expect(text).toContain('after restart');
    expect(text).toContain('could not be decrypted');
  });
});

describe('redaction rules', () => {
  it('cuts credential shapes even when the key is not known', () => {
    expect(redactText('Authorization: Bearer abc.DEF-123_xyz')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText(`key ${OTHER_KEY} rejected`)).toBe(`key ${REDACTED} rejected`);
    expect(redactText('{"api_key": "k-123456789"}')).toBe(`{"api_key": "${REDACTED}"}`);
    expect(redactText('password=hunter22&user=ana')).toBe(`password=${REDACTED}&user=ana`);
  });

  it('leaves ordinary text and short values alone', () => {
    expect(redactText('Panel 3: a sky at dusk, token budget fine', ['short'])).toBe('Panel 3: a sky at dusk, token budget fine');
  });

  it('blanks secret-named fields, summarises bytes and survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(redactValue({ token: 'abc', password: '', image: Buffer.alloc(2048), cyclic })).toEqual({
      token: REDACTED,
      password: '',
      image: '[2048 bytes]',
      cyclic: { name: 'loop', self: '[circular]' },
    });
  });

  it('cuts a known key from an outgoing project, copying only the way to it and never changing the original', () => {
    registerSecret(CANARY);
    const pasted = createPanel({ scenePrompt: 'Mara at the pier', dialogue: `my key is ${CANARY}` });
    const untouched = createPanel({ scenePrompt: 'The tram leaves' });
    const project = { ...createEmptyProject({ title: 'Harbour Chase' }, new Date('2026-05-01T10:00:00Z')), panels: [untouched, pasted] };
    const before = structuredClone(project);

    const sent = redactSecretsDeep(project);
    expect(sent.panels[1]?.dialogue).toBe(`my key is ${REDACTED}`);
    expect(sent.panels).toEqual([untouched, { ...pasted, dialogue: `my key is ${REDACTED}` }]);
    expect(JSON.stringify(sent)).not.toContain(CANARY);
    expect(project).toEqual(before);
    // What holds no secret goes out as it is: a large project with a key set is walked, not copied.
    expect(sent.panels[0]).toBe(untouched);
    expect(sent.style).toBe(project.style);
    const clean = { ...project, panels: [untouched] };
    expect(redactSecretsDeep(clean)).toBe(clean);
  });

  it('flattens errors with their code and cause', () => {
    const error = Object.assign(new Error(`bad ${CANARY}`), { code: 'E_GATEWAY', cause: new Error('inner') });
    const plain = redactValue(error, [CANARY]) as Record<string, unknown>;
    expect(plain).toMatchObject({ name: 'Error', message: `bad ${REDACTED}`, code: 'E_GATEWAY', cause: { message: 'inner' } });
    expect(JSON.stringify(plain)).not.toContain(CANARY);
  });
});
