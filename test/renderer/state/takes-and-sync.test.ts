import { describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/project';
import { createWiredAppStore } from '../../../renderer/app/app-store';
import { composeProject } from '../../../renderer/state/takes';
import { createApi } from '../../../shared/ipc/create-api';
import { failJob, finishJob, makeTake, snapshotOf } from '../fake-project-backend';
import { RESUMED_KIND_UNKNOWN } from '../../../renderer/state/jobs-slice';
import { openKit, sampleProject } from '../store-kit';

function lastUpdate(callsTo: (channel: string) => unknown[]): Project {
  const update = callsTo('project:update').at(-1) as { project: Project } | undefined;
  if (!update) throw new Error('no project:update was sent');
  return update.project;
}

describe('takes pushed by main', () => {
  it('merges new takes, makes the first one active and keeps it through undo', async () => {
    const { store, emit, clock } = await openKit(sampleProject(2));
    store.getState().updatePanel('p1', { scenePrompt: 'Mara runs' });
    clock.advance(5000);
    store.getState().updatePanel('p1', { dialogue: 'Wait!' });
    emit('project:takesAdded', { panelId: 'p1', takes: [makeTake('new-1', 1), makeTake('new-2', 2)], activeTakeId: 'new-1' });
    expect(store.getState().takesByPanel.p1?.map((take) => take.id)).toEqual(['new-1', 'new-2']);
    expect(store.getState().doc?.panels[0]?.activeTakeId).toBe('new-1');
    expect(store.temporal.getState().pastStates).toHaveLength(2);

    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc?.panels[0]?.scenePrompt).toBe('Scene 1');
    expect(store.getState().doc?.panels[0]?.activeTakeId).toBe('new-1');
    expect(store.getState().takesByPanel.p1).toHaveLength(2);
  });

  it('does not send main back the active take it chose itself', async () => {
    const { store, emit, callsTo } = await openKit(sampleProject(1));
    emit('project:takesAdded', { panelId: 'p1', takes: [makeTake('new-1', 1)], activeTakeId: 'new-1' });
    await store.sync.flush();
    expect(callsTo('project:update')).toHaveLength(0);
    expect(store.getState().localChanges).toBe(false);
  });

  it('keeps the artist\'s active take when more takes arrive, and ignores duplicates', async () => {
    const { store, emit } = await openKit(sampleProject(1, [2]));
    store.getState().setActiveTake('p1', 'p1-t2');
    emit('project:takesAdded', { panelId: 'p1', takes: [makeTake('p1-t2', 2), makeTake('p1-t3', 3)], activeTakeId: 'p1-t1' });
    expect(store.getState().takesByPanel.p1?.map((take) => take.id)).toEqual(['p1-t1', 'p1-t2', 'p1-t3']);
    expect(store.getState().doc?.panels[0]?.activeTakeId).toBe('p1-t2');
  });

  it('never loses takes when undo removes and restores their panel', async () => {
    const { store, callsTo } = await openKit(sampleProject(2, [0, 3]));
    store.getState().deletePanels(['p2']);
    await store.sync.flush();
    expect(lastUpdate(callsTo).panels.map((panel) => panel.id)).toEqual(['p1']);
    store.getState().undo();
    await store.sync.flush();
    const restored = lastUpdate(callsTo).panels.find((panel) => panel.id === 'p2');
    expect(restored?.takes.map((take) => take.id)).toEqual(['p2-t1', 'p2-t2', 'p2-t3']);
    expect(restored?.activeTakeId).toBe('p2-t1');
  });
});

describe('sending the document to main', () => {
  it('composes the full document with takes and drops an active take that names no take', () => {
    const project = sampleProject(2, [1, 0]);
    const doc = { ...project, panels: project.panels.map((panel) => ({ ...panel, takes: [], activeTakeId: panel.id === 'p2' ? 'ghost' : panel.activeTakeId })) };
    const composed = composeProject(doc, { p1: project.panels[0]?.takes ?? [] });
    expect(composed.panels[0]?.takes).toHaveLength(1);
    expect(composed.panels[0]?.activeTakeId).toBe('p1-t1');
    expect(composed.panels[1]?.activeTakeId).toBeNull();
  });

  it('debounces a typing burst into one project:update that main accepts', async () => {
    const { store, callsTo, main } = await openKit(sampleProject(1, [1]), { syncDelayMs: 30 });
    for (const text of ['a', 'ab', 'abc']) store.getState().updatePanel('p1', { scenePrompt: text });
    expect(store.getState().localChanges).toBe(true);
    await expect.poll(() => callsTo('project:update').length).toBe(1);
    expect(lastUpdate(callsTo).panels[0]?.scenePrompt).toBe('abc');
    expect(lastUpdate(callsTo).panels[0]?.takes).toHaveLength(1);
    expect(main.project?.panels[0]?.scenePrompt).toBe('abc');
    expect(store.getState().saveStatus?.state).toBe('unsaved');
    await expect.poll(() => store.getState().localChanges).toBe(false);
  });

  it('sends a nameless character with a placeholder name instead of failing the save', async () => {
    const { store, main } = await openKit(sampleProject(1));
    store.getState().updateCharacter('char-1', { name: '' });
    await store.sync.flush();
    expect(main.project?.characters[0]?.name).toBe('Unnamed character');
    expect(store.getState().doc?.characters[0]?.name).toBe('');
  });

  it('flushes pending edits before starting a generation', async () => {
    const { store, backend } = await openKit(sampleProject(1), { syncDelayMs: 10_000 });
    store.getState().updatePanel('p1', { scenePrompt: 'Mara on the roof' });
    await store.getState().generate(['p1']);
    const channels = backend.calls.map((call) => call.channel).filter((name) => name === 'project:update' || name === 'jobs:generate');
    expect(channels).toEqual(['project:update', 'jobs:generate']);
  });

  it('flags a failed update as a save error in words', async () => {
    const { store, backend } = await openKit(sampleProject(1));
    backend.gate = (channel) => {
      if (channel === 'project:update') throw new Error('disk full');
    };
    store.getState().updatePanel('p1', { notes: 'x' });
    await store.sync.flush();
    expect(store.getState().saveStatus?.state).toBe('error');
  });
});

describe('jobs', () => {
  it('tracks the latest job per panel and the batch progress, without touching takes on failure', async () => {
    const { store, main, emit } = await openKit(sampleProject(2, [1, 0]));
    await store.getState().generate(['p1', 'p2']);
    expect(Object.keys(store.getState().jobByPanel)).toEqual(['p1', 'p2']);
    expect(store.getState().batchJobIds).toHaveLength(2);
    const [first, second] = main.jobs;
    finishJob(main, emit, second?.id ?? '', [makeTake('p2-new', 50)]);
    failJob(main, emit, first?.id ?? '', { code: 'GATEWAY_SAFETY_REJECTED', message: 'The safety check rejected this panel.' });
    expect(store.getState().jobByPanel.p1?.state).toBe('failed');
    expect(store.getState().doc?.panels[0]?.activeTakeId).toBe('p1-t1');
    expect(store.getState().takesByPanel.p1).toHaveLength(1);
    expect(store.getState().doc?.panels[1]?.activeTakeId).toBe('p2-new');
  });

  it('retries a failed panel with the request that failed', async () => {
    const { store, callsTo } = await openKit(sampleProject(1, [1]));
    store.getState().setRestyleOptions({ presetId: 'film-noir', stylePrompt: 'rain', imageWeight: 70 });
    await store.getState().restyle(['p1']);
    await store.getState().retryPanel('p1');
    const calls = callsTo('jobs:restyle') as Array<{ stylePrompt: string; imageWeight: number }>;
    expect(calls).toHaveLength(2);
    expect(calls[1]?.stylePrompt).toContain('film noir');
    expect(calls[1]?.stylePrompt).toContain('rain');
    expect(calls[1]?.imageWeight).toBe(70);
  });

  it.each([
    ['main can resend it (a provider failure)', { code: 'GATEWAY_PROVIDER_FAILED' as const, message: 'The image service had a problem on its side and made nothing (not charged).' }, true],
    ['main cannot (a safety refusal: the artist changes the style first)', { code: 'GATEWAY_SAFETY_REJECTED' as const, message: "The image service's safety check rejected this panel." }, false],
  ])('after a reload, Retry on a failed restyle restyles again, never a generate in its place: %s', async (_case, error, retryable) => {
    const kit = await openKit(sampleProject(1, [1]));
    kit.store.getState().setRestyleOptions({ presetId: 'film-noir', stylePrompt: 'rain', imageWeight: 70 });
    await kit.store.getState().restyle(['p1']);
    const [job] = kit.main.jobs;
    failJob(kit.main, kit.emit, job?.id ?? '', error);
    if (job) job.retryable = retryable; // as main's queue marks it (a safety refusal is final there)
    // The page reloads: a new store over the same main, which still has the failed job.
    const reloaded = createWiredAppStore(createApi(kit.transport), { now: () => kit.clock.now, syncDelayMs: 0 });
    await reloaded.getState().boot();
    expect(reloaded.getState().jobByPanel.p1?.state).toBe('failed');
    reloaded.getState().setRestyleOptions({ presetId: 'watercolor', stylePrompt: '', imageWeight: 40 });
    await reloaded.getState().retryPanel('p1');
    expect(kit.callsTo('jobs:generate')).toHaveLength(0);
    if (retryable) {
      expect(kit.callsTo('jobs:retry')).toEqual([{ jobId: job?.id }]);
      expect(kit.callsTo('jobs:restyle')).toHaveLength(1);
    } else {
      expect(kit.callsTo('jobs:restyle')).toHaveLength(2);
      expect(kit.callsTo('jobs:restyle')[1]).toMatchObject({ panelIds: ['p1'], imageWeight: 40, stylePrompt: expect.stringContaining('watercolor') });
    }
  });

  it.each([['a generate this page started', 'generate' as const, false], ['a job resumed after a restart whose kind is unknown', 'resume' as const, true]])(
    'Retry on a paid job the gateway still holds asks main to collect it, never a new request: %s',
    async (_case, kind, resumed) => {
      const kit = await openKit(sampleProject(1, [1]));
      if (kind === 'generate') await kit.store.getState().generate(['p1']);
      else kit.main.jobs.push({ id: 'resume-job_1', panelId: 'p1', kind, resumed, state: 'queued' });
      const job = kit.main.jobs[0];
      failJob(kit.main, kit.emit, job?.id ?? '', { code: 'GATEWAY_JOB_KEPT', message: 'The image service accepted this panel\'s job, but Castboard lost contact with it while waiting for the image.' });
      if (job) job.retryable = true;
      kit.emit('jobs:progress', snapshotOf(kit.main));
      await kit.store.getState().retryPanel('p1');
      expect(kit.callsTo('jobs:retry')).toEqual([{ jobId: job?.id }]);
      expect(kit.callsTo('jobs:generate')).toHaveLength(kind === 'generate' ? 1 : 0);
      expect(kit.store.getState().jobsError).toBeNull();
    },
  );

  it('Generate on a panel whose paid job the gateway still holds collects that job and pays only for the others', async () => {
    const kit = await openKit(sampleProject(2));
    await kit.store.getState().generate(['p1']);
    const [job] = kit.main.jobs;
    failJob(kit.main, kit.emit, job?.id ?? '', { code: 'GATEWAY_JOB_KEPT', message: 'The image service accepted this panel\'s job, but Castboard lost contact with it while waiting for the image.' });
    if (job) job.retryable = true;
    kit.emit('jobs:progress', snapshotOf(kit.main));

    await kit.store.getState().generate(['p1', 'p2']);
    expect(kit.callsTo('jobs:retry')).toEqual([{ jobId: job?.id }]);
    expect(kit.callsTo('jobs:generate')).toHaveLength(2);
    expect(kit.callsTo('jobs:generate')[1]).toMatchObject({ panelIds: ['p2'] });
    expect(kit.store.getState().notice?.text).toBe("Panel 1's earlier job is paid for and still at the gateway: Castboard collects it instead of paying again. Generate again once it has arrived for another image.");
    expect(kit.store.getState().batchJobIds).toContain(job?.id);

    // Only that panel: nothing new is paid for.
    failJob(kit.main, kit.emit, job?.id ?? '', { code: 'GATEWAY_JOB_KEPT', message: 'lost contact again' });
    if (job) job.retryable = true;
    kit.emit('jobs:progress', snapshotOf(kit.main));
    await kit.store.getState().generate(['p1']);
    expect(kit.callsTo('jobs:generate')).toHaveLength(2);
    expect(kit.callsTo('jobs:retry')).toHaveLength(2);
  });

  it.each([
    ['main knows it is a restyle: main sends it again', 'restyle' as const, true],
    ['its record does not say what it was: nothing is sent, and the page says why', 'resume' as const, false],
  ])('Retry on a job resumed after a restart never becomes a generate: %s', async (_case, kind, retryable) => {
    const kit = await openKit(sampleProject(1, [1]));
    // Main reopened the project and collected a job this page never started; it failed.
    kit.main.jobs.push({ id: 'resume-job_1', panelId: 'p1', kind, resumed: true, state: 'failed', retryable, error: { code: 'GATEWAY_JOB_FAILED', message: 'The image service failed this job, not charged. Try again.' } });
    kit.emit('jobs:progress', snapshotOf(kit.main));
    expect(kit.store.getState().jobByPanel.p1?.state).toBe('failed');
    await kit.store.getState().retryPanel('p1');
    expect(kit.callsTo('jobs:generate')).toHaveLength(0);
    expect(kit.callsTo('jobs:restyle')).toHaveLength(0);
    if (retryable) {
      expect(kit.callsTo('jobs:retry')).toEqual([{ jobId: 'resume-job_1' }]);
    } else {
      expect(kit.callsTo('jobs:retry')).toHaveLength(0);
      expect(kit.store.getState().jobsError).toBe(RESUMED_KIND_UNKNOWN);
    }
  });

  it('restyles only panels that have a take to restyle', async () => {
    const { store, callsTo } = await openKit(sampleProject(2, [1, 0]));
    await store.getState().restyle(['p1', 'p2']);
    expect((callsTo('jobs:restyle')[0] as { panelIds: string[] }).panelIds).toEqual(['p1']);
  });
});
