/**
 * Issue #16: a gateway that echoes the Authorization header (and the bare key) in its 400, 422,
 * 500 and async-job failure messages. The key must appear in no CLI output (also with
 * CASTBOARD_DEBUG=1), no log line, no IPC answer or push event, and no project file.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { registerAll } from '../../../electron/main/ipc/register-all';
import type { Logger } from '../../../electron/services/logger';
import { cli, makeProject, tempDir } from '../cli/cli-kit';
import { startEchoGateway, type EchoGateway, type EchoMode } from '../../fakes/echo-gateway';
import { settled, storyboard, tempDir as rigTempDir, type Rig } from './support/app-rig';
import { testServices } from './support/test-services';

/** Not shaped like an `sk-` key, so only knowing the key itself can cut it. */
const KEY = 'cbk-CANARY-7Q2xZ9kP4mW8vL3n';
const MODES: EchoMode[] = [400, 422, 500, 'async-fail'];

let gateway: EchoGateway;
beforeAll(async () => {
  gateway = await startEchoGateway();
});
afterAll(() => gateway.close());

async function allFileText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += (await readFile(path.join(entry.parentPath, entry.name))).toString('latin1');
  }
  return text;
}

function capturingLogger(lines: string[]): Logger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

describe('a gateway echoing the key in its failures (issue #16)', () => {
  it.each(MODES)('CLI, %s: the key is in no output (debug on) and no project file', async (mode) => {
    const temp = await tempDir();
    try {
      const project = await makeProject(temp.dir, ['a lighthouse at dusk']);
      gateway.modes = [mode];
      const before = gateway.requests.length;
      const result = await cli(['generate', project, '--yes'], { env: { AIGATEWAY_BASE_URL: gateway.url, AIGATEWAY_API_KEY: KEY, CASTBOARD_DEBUG: '1' } });
      const sent = gateway.requests.slice(before);
      expect(sent.some((request) => request.authorized && request.path.endsWith('/images/generations')), 'the key was sent and echoed').toBe(true);
      expect(result.stderr).toContain('[info]'); // the debug log is on for generate
      expect(`${result.stdout}\n${result.stderr}`).not.toContain(KEY);
      expect(await allFileText(project)).not.toContain(KEY);
    } finally {
      await temp.cleanup();
    }
  }, 40_000);

  it('app: no IPC answer, push event, log line or project file carries the key', async () => {
    const events: Array<{ event: string; payload: unknown }> = [];
    const logs: string[] = [];
    const { services, dialogs } = testServices({ logger: capturingLogger(logs), push: (event, payload) => void events.push({ event, payload }) });
    const dispatcher = createDispatcher(services.logger);
    registerAll({ handle: (c, h) => dispatcher.register(c, h), push: (event, payload) => void events.push({ event, payload: dispatcher.checkEvent(event, payload) }) }, services);
    const answers: unknown[] = [];
    const call = async (channel: string, payload?: unknown) => {
      const answer = await dispatcher.dispatch(channel, payload);
      answers.push(answer);
      if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
      return answer.value;
    };
    try {
      await call('settings:update', { gatewayBaseUrl: gateway.url });
      await call('key:set', { key: KEY, sessionOnly: true });
      const parent = await rigTempDir();
      const rig: Rig = { services, call, events, dialogs };
      const { root, project } = await storyboard(rig, parent, MODES.length);
      for (const [index, mode] of MODES.entries()) {
        gateway.modes = [mode];
        await call('jobs:generate', { panelIds: [project.panels[index]?.id], variations: 1 });
        await settled(rig);
        await call('jobs:snapshot');
      }
      await call('key:test');
      await call('project:save');
      const failures = services.generation.snapshot().jobs.map((job) => JSON.stringify(job)).join('\n');
      expect(failures).toContain('[redacted]'); // the echoes arrived, and were cut
      for (const item of [...answers, ...events]) expect(JSON.stringify(item)).not.toContain(KEY);
      for (const line of logs) expect(line).not.toContain(KEY);
      expect(await allFileText(root)).not.toContain(KEY);
    } finally {
      services.generation.dispose();
      await services.workspace.close().catch(() => undefined);
    }
  }, 60_000);
});
