/**
 * The app's services and channels wired as in the app (real services, dispatcher, files on disk,
 * a fake gateway over HTTP), for integration tests of the IPC surface.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { AppServices } from '../../../../electron/main/app-services';
import { createDispatcher } from '../../../../electron/main/ipc/dispatcher';
import { registerAll } from '../../../../electron/main/ipc/register-all';
import { silentLogger } from '../../../../electron/services/logger';
import type { QueueSnapshot } from '../../../../shared/domain/jobs';
import { createCharacter, createPanel } from '../../../../shared/domain/project-edit';
import type { Project } from '../../../../shared/domain/project';
import { startFakeGateway, type FakeGateway, type FakeGatewayOptions, type Fault } from '../../../fakes/gateway/fake-gateway';
import { solidPng } from '../../../fakes/gateway/test-images';
import type { createScriptedDialogs } from '../../../harness/harness-adapters';
import { testServices } from './test-services';

export interface Rig {
  services: AppServices;
  call(channel: string, payload?: unknown): Promise<unknown>;
  events: Array<{ event: string; payload: unknown }>;
  dialogs: ReturnType<typeof createScriptedDialogs>;
}

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'castboard-ipc-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function gatewayWith(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const gateway = await startFakeGateway(options);
  cleanup.push(() => gateway.close());
  return gateway;
}

export function rig(gateway: FakeGateway, store: Record<string, unknown> = {}): Rig {
  const events: Rig['events'] = [];
  const { services, dialogs } = testServices({ store, push: (event, payload) => void events.push({ event, payload }) });
  services.settings.update({ gatewayBaseUrl: gateway.url });
  void services.keyVault.set('sk-test-key-0001', { sessionOnly: true }); // a session-only key is kept before set() returns
  const dispatcher = createDispatcher(silentLogger);
  registerAll({ handle: (c, h) => dispatcher.register(c, h), push: (event, payload) => void events.push({ event, payload }) }, services);
  cleanup.push(async () => {
    services.generation.dispose();
    await services.workspace.close().catch(() => undefined);
  });
  return {
    services,
    events,
    dialogs,
    async call(channel, payload) {
      const answer = await dispatcher.dispatch(channel, payload);
      if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
      return answer.value;
    },
  };
}

/** A project with one character (with a reference image) and `count` described panels. */
export async function storyboard(r: Rig, parent: string, count: number): Promise<{ root: string; project: Project }> {
  r.dialogs.script('chooseFolder', parent);
  const opened = (await r.call('project:create', { title: 'Night Market', aspectRatio: '16:9' })) as { root: string; project: Project };
  const reference = (await r.call('project:importImage', { source: 'bytes', base64: (await solidPng(64, 64)).toString('base64') })) as { image: string };
  const character = createCharacter({ name: 'Mara', description: 'a courier in a yellow raincoat', referenceImage: reference.image });
  const panels = Array.from({ length: count }, (_, index) => createPanel({ scenePrompt: `Mara crosses the market, beat ${index + 1}`, characterId: character.id }));
  const project = { ...opened.project, characters: [character], panels };
  await r.call('project:update', { project, root: opened.root });
  return { root: opened.root, project };
}

export async function settled(r: Rig): Promise<QueueSnapshot> {
  await expect.poll(() => {
    const { counts } = r.services.generation.snapshot();
    return counts.total > 0 && counts.queued + counts.sending + counts.waiting + counts.polling + counts.downloading === 0;
  }, { timeout: 15_000 }).toBe(true);
  return r.services.generation.snapshot();
}

export async function onDisk(root: string): Promise<Project> {
  return JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8')) as Project;
}

/**
 * A one-panel project made by the app, saved and closed, whose project.json then lists one pending
 * job as a hand-edited or damaged file would: a plausible record for that panel with `changes`
 * over it. Open it again with a new rig on the same store.
 */
export async function projectWithPendingRecord(gateway: FakeGateway, store: Record<string, unknown>, changes: { id?: string; n?: unknown }): Promise<{ root: string }> {
  const first = rig(gateway, store);
  const { root, project } = await storyboard(first, await tempDir(), 1);
  await first.call('project:save');
  await first.services.workspace.close();
  const file = path.join(root, 'project.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const pending = {
    id: changes.id ?? 'job_the_gateway_forgot',
    panelId: project.panels[0]?.id,
    kind: 'generate',
    submittedAt: new Date().toISOString(),
    idempotencyKey: 'castboard-hand-edited',
    params: { model: 'ideogram/ideogram-character', prompt: 'Mara crosses the market', n: changes.n ?? 1, size: '1312x736' },
  };
  await writeFile(file, JSON.stringify({ ...saved, pendingJobs: [pending] }));
  return { root };
}

/** A one-panel project made by the app, its panel generated once (one image) with `faults` scripted; returns when the job has ended. */
export async function generatedOnce(options: FakeGatewayOptions, ...faults: Fault[]): Promise<{ gateway: FakeGateway; r: Rig; root: string; snapshot: QueueSnapshot }> {
  const gateway = await gatewayWith(options);
  const r = rig(gateway);
  const { root, project } = await storyboard(r, await tempDir(), 1);
  gateway.script(...faults);
  await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
  return { gateway, r, root, snapshot: await settled(r) };
}

/** The saved project holds no pending job and one record of money paid without an image, this one. */
export async function expectOnePaidWithoutImage(root: string, record: { kind: 'unusable' | 'unknown'; images: number; costCents: number }): Promise<void> {
  const saved = await onDisk(root);
  expect(saved.pendingJobs).toEqual([]);
  expect(saved.paidWithoutImage).toEqual([expect.objectContaining(record)]);
}
