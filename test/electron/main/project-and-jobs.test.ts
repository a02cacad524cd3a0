/**
 * The project and generation channels wired as in the app (real services, dispatcher, files on
 * disk, the fake gateway over HTTP): a batch turns into saved takes, failures add nothing, async
 * jobs are persisted before polling and resumed after a restart, and renderer edits never drop takes.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createPanel } from '../../../shared/domain/project-edit';
import { deletePanels, restoreDeletedPanel } from '../../../renderer/state/doc-edits';
import { fault } from '../../fakes/gateway/fake-faults';
import { gatewayWith, onDisk, rig, settled, storyboard, tempDir } from './support/app-rig';

describe('project and jobs channels', () => {
  it('estimates, generates a batch, and saves every take to disk at once', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 3);
    const panelIds = project.panels.map((panel) => panel.id);

    expect(await r.call('jobs:estimate', { panelIds, variations: 2 })).toEqual({ images: 6, cents: 30 });
    await r.call('jobs:generate', { panelIds, variations: 2 });
    const snapshot = await settled(r);
    expect(snapshot.counts.done).toBe(3);
    expect(snapshot.spentCents).toBe(30);

    const saved = await onDisk(root);
    for (const panel of saved.panels) {
      expect(panel.takes).toHaveLength(2);
      expect(panel.activeTakeId).toBe(panel.takes[0]?.id);
      expect(panel.takes[0]).toMatchObject({ model: 'ideogram/ideogram-character', costCents: 5 });
      for (const take of panel.takes) await expect(readFile(path.join(root, take.image))).resolves.toBeInstanceOf(Buffer);
    }
    expect(r.events.filter((e) => e.event === 'project:takesAdded')).toHaveLength(3);
  });

  it('an image that finished after Cancel all never replaces the take shown, and shows where the panel had none', async () => {
    const gateway = await gatewayWith({ latencyMs: 600 });
    const r = rig(gateway);
    r.services.settings.update({ concurrency: 2 });
    const { root, project } = await storyboard(r, await tempDir(), 3);
    const [first, second, third] = project.panels.map((panel) => panel.id) as [string, string, string];
    await r.call('jobs:generate', { panelIds: [first], variations: 1 });
    await settled(r);
    const shownBefore = (await onDisk(root)).panels[0]?.activeTakeId;

    await r.call('jobs:generate', { panelIds: [first, second, third], variations: 1 });
    await vi.waitFor(() => expect(gateway.posts).toBe(3)); // panels 1 and 2 in flight (one earlier post)
    await r.call('jobs:cancelAll', undefined);
    const snapshot = await settled(r);
    expect(snapshot.jobs.filter((job) => job.finishedAfterCancel)).toHaveLength(2);

    const [one, two, three] = (await onDisk(root)).panels;
    expect(one?.takes).toHaveLength(2);
    expect(one?.activeTakeId).toBe(shownBefore); // the artist's take stays shown
    expect(two?.takes).toHaveLength(1);
    expect(two?.activeTakeId).toBe(two?.takes[0]?.id); // paid for: shown, not hidden behind "No take yet"
    expect(two?.takes[0]?.note).toBe('finished after cancel');
    expect(three?.takes).toHaveLength(0); // never sent, never charged
    expect(gateway.posts).toBe(3);
  });

  it("names the character whose reference file is gone, before any price or request, and says how to fix it", async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const reference = project.characters[0]?.referenceImage ?? '';
    await rm(path.join(root, reference));
    const panelIds = project.panels.map((panel) => panel.id);
    const refusal = { code: 'PROJECT_IMAGE_MISSING', message: expect.stringMatching(/^Mara's reference image cannot be read .*nothing was sent or charged\. Choose Mara's reference image again/) };
    await expect(r.call('jobs:estimate', { panelIds, variations: 1 })).rejects.toMatchObject(refusal);
    await expect(r.call('jobs:generate', { panelIds, variations: 1 })).rejects.toMatchObject(refusal);
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('refuses a batch with a panel it cannot generate, before spending anything', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const blank = { ...project, panels: [...project.panels, createPanel({ scenePrompt: '  ', characterId: project.characters[0]?.id ?? null })] };
    await r.call('project:update', { project: blank, root });
    await expect(r.call('jobs:generate', { panelIds: blank.panels.map((p) => p.id), variations: 1 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('Panel 3 has no scene description'),
    });
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('keeps the previous take after a safety rejection, on that panel only', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const [first, second] = project.panels.map((panel) => panel.id) as [string, string];
    await r.call('jobs:generate', { panelIds: [first], variations: 1 });
    await settled(r);
    const before = (await onDisk(root)).panels[0];

    gateway.script(fault.status(422, { message: 'flagged by the safety check' }));
    await r.call('jobs:generate', { panelIds: [first, second], variations: 1 });
    const snapshot = await settled(r);
    const failed = snapshot.jobs.filter((job) => job.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error?.code).toBe('GATEWAY_SAFETY_REJECTED');

    const after = await onDisk(root);
    const failedPanel = after.panels.find((panel) => panel.id === failed[0]?.panelId);
    const otherPanel = after.panels.find((panel) => panel.id !== failed[0]?.panelId);
    expect(otherPanel?.takes.length).toBeGreaterThan(0);
    if (failedPanel?.id === first) expect(failedPanel).toEqual(before);
    else expect(failedPanel?.takes).toEqual([]);

    // Clearing the messages forgets finished jobs but not what was spent.
    await r.call('jobs:clearFinished');
    expect(r.services.generation.snapshot()).toMatchObject({ jobs: [], spentCents: snapshot.spentCents });
  });

  it('never lets a renderer edit drop a take main added', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    await settled(r);
    // A stale renderer copy (no takes) edits the scene text.
    const stale = { ...project, panels: project.panels.map((panel) => ({ ...panel, scenePrompt: 'rewritten' })) };
    await r.call('project:update', { project: stale, root });
    await r.call('project:save');
    const saved = await onDisk(root);
    expect(saved.panels[0]?.scenePrompt).toBe('rewritten');
    expect(saved.panels[0]?.takes).toHaveLength(1);
  });

  it('persists an async job before polling and resumes it after a restart without resubmitting', async () => {
    // The job is ready 1.5 s after submission; the first poll would come only after 3 s.
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500 });
    const store: Record<string, unknown> = {};
    const first = rig(gateway, store);
    const { root, project } = await storyboard(first, await tempDir(), 1);
    await first.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 });
    await expect.poll(async () => (await onDisk(root)).pendingJobs.length, { timeout: 10_000 }).toBe(1);
    const [pending] = (await onDisk(root)).pendingJobs;

    // "Crash" before the first poll: the first instance stops; the job completes on the gateway.
    first.services.generation.dispose();
    await first.services.workspace.close();
    const submissions = gateway.requests.filter((request) => request.method === 'POST').length;
    expect(submissions).toBe(1);
    const second = rig(gateway, store);
    await second.call('project:openRecent', { path: root });
    await settled(second);
    const saved = await onDisk(root);
    expect(saved.pendingJobs).toEqual([]);
    expect(saved.panels[0]?.takes).toHaveLength(1);
    expect(saved.panels[0]?.takes[0]?.params.remote_job_id).toBe(pending?.id);
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(submissions);
  });

  it('resumes a paid async job after a restart although its panel was deleted, and restoring the panel brings the take back', async () => {
    const gateway = await gatewayWith({ mode: 'async', latencyMs: 1500 });
    const store: Record<string, unknown> = {};
    const first = rig(gateway, store);
    const { root, project } = await storyboard(first, await tempDir(), 2);
    const doomed = project.panels[0]?.id ?? '';
    await first.call('jobs:generate', { panelIds: [doomed], variations: 1 });
    await expect.poll(async () => (await onDisk(root)).pendingJobs.length, { timeout: 10_000 }).toBe(1);
    // The artist deletes the panel while its paid job is at the gateway, then the app stops.
    await first.call('project:update', { project: deletePanels(project, [doomed]), root });
    await first.call('project:save');
    first.services.generation.dispose();
    await first.services.workspace.close();
    expect((await onDisk(root)).pendingJobs).toHaveLength(1);

    const second = rig(gateway, store);
    await second.call('project:openRecent', { path: root });
    await settled(second);
    await second.call('project:save');
    const saved = await onDisk(root);
    expect(saved.pendingJobs).toEqual([]);
    expect(saved.panels.map((panel) => panel.id)).not.toContain(doomed);
    const kept = saved.recentlyDeleted?.find((entry) => entry.panel.id === doomed)?.panel;
    expect(kept?.takes).toHaveLength(1);
    await expect(readFile(path.join(root, kept?.takes[0]?.image ?? ''))).resolves.toBeInstanceOf(Buffer);
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(1);

    // Restoring it (the app's own edit) puts the panel back with the take it paid for, active.
    await second.call('project:update', { project: restoreDeletedPanel(saved, doomed), root });
    await second.call('project:save');
    const restored = (await onDisk(root)).panels.find((panel) => panel.id === doomed);
    expect(restored?.takes.map((take) => take.id)).toEqual(kept?.takes.map((take) => take.id));
    expect(restored?.activeTakeId).toBe(kept?.takes[0]?.id);
  });

  it('refuses an edit made in another project (an update still in flight after a switch)', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('project:save');
    const before = await readFile(path.join(root, 'project.json'));
    await expect(r.call('project:update', { project: { ...project, title: 'Other' }, root: `${root}-elsewhere` })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await r.call('project:save');
    expect(await readFile(path.join(root, 'project.json'))).toEqual(before);
  });

  it('still reports takes for a panel deleted while it generated, so undo can restore them', async () => {
    const gateway = await gatewayWith({ latencyMs: 400 });
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const [doomed] = project.panels;
    await r.call('jobs:generate', { panelIds: [doomed?.id], variations: 1 });
    await r.call('project:update', { project: { ...project, panels: project.panels.slice(1) }, root });
    await settled(r);
    const reported = r.events.find((event) => event.event === 'project:takesAdded')?.payload as { panelId: string; takes: Array<{ id: string; image: string }> };
    expect(reported.panelId).toBe(doomed?.id);
    await expect(readFile(path.join(root, reported.takes[0]?.image ?? ''))).resolves.toBeInstanceOf(Buffer);
    // Undo in the renderer sends the panel back with the reported take: main keeps it.
    await r.call('project:update', { project: { ...project, panels: project.panels.map((p) => (p.id === doomed?.id ? { ...p, takes: reported.takes as never } : p)) }, root });
    await r.call('project:save');
    expect((await onDisk(root)).panels[0]?.takes.map((take) => take.id)).toEqual(reported.takes.map((take) => take.id));
  });

  it('spends nothing on a project opened read-only (its images would have nowhere to go)', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { project } = await storyboard(r, await tempDir(), 1);
    const opened = r.services.workspace.current();
    if (!opened) throw new Error('no project');
    vi.spyOn(r.services.workspace, 'current').mockReturnValue({ ...opened, status: { ...opened.status, readOnlyReason: 'the folder is on a read-only disk' } });
    await expect(r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 1 })).rejects.toMatchObject({
      code: 'PROJECT_SAVE_FAILED',
      message: expect.stringContaining('Save As'),
    });
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('keeps paid images it could not write, and adds them once writing works again', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.call('project:save');
    const write = r.services.workspace.putVerifiedImage;
    const diskFull = vi.spyOn(r.services.workspace, 'putVerifiedImage').mockRejectedValue(new Error('ENOSPC: no space left on device'));
    await r.call('jobs:generate', { panelIds: [project.panels[0]?.id], variations: 2 });
    const snapshot = await settled(r);
    expect(snapshot.jobs[0]).toMatchObject({ state: 'failed', error: { code: 'RESULT_NOT_STORED' } });
    expect(r.services.generation.heldImages()).toBe(2);
    expect((await onDisk(root)).panels[0]?.takes).toEqual([]);
    // The held images belong to this project: it cannot be closed or switched away from yet.
    expect(r.services.generation.isBusy()).toBe(true);
    await expect(r.call('project:close')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });

    // Space is freed: the held result is written without asking the gateway again.
    diskFull.mockImplementation(write);
    await r.services.generation.storeHeldResults();
    expect(r.services.generation.heldImages()).toBe(0);
    expect(r.services.generation.isBusy()).toBe(false);
    expect((await onDisk(root)).panels[0]?.takes).toHaveLength(2);
    // The card and the batch stop saying the panel failed: its images are in the project now.
    const after = r.services.generation.snapshot().jobs[0];
    expect(after).toMatchObject({ state: 'done', retryable: false });
    expect(after?.error).toBeUndefined();
    expect(r.events.some((event) => event.event === 'project:takesAdded')).toBe(true);
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('says when no project is open', async () => {
    const r = rig(await gatewayWith());
    await expect(r.call('project:save')).rejects.toMatchObject({ code: 'NO_PROJECT' });
    expect(await r.call('project:current')).toBeNull();
  });
});

