/**
 * Main sends the project it holds without parsing it a second time (response-schemas.ts), and the
 * contract still holds: a document that did not come out of ProjectSchema is parsed in full, so a
 * handler bug (an extra field, a wrong type) is still refused before it leaves main.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/main/ipc/dispatcher';
import { isCheckedProject } from '../../../../electron/services/project/checked-projects';
import { silentLogger } from '../../../../electron/services/logger';
import { createProject, openProject } from '../../../../electron/services/project/project-open';
import type { ProjectSession } from '../../../../electron/services/project/project-session';
import { createEmptyProject, createPanel } from '../../../../shared/domain/project-edit';
import { makeTempDir, removeTempDirs } from '../../services/project/fixtures';

const sessions: ProjectSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  await removeTempDirs();
});

async function openedSession(): Promise<ProjectSession> {
  const root = path.join(await makeTempDir(), 'Harbour Chase.castboard');
  const created = await createProject(root, { title: 'Harbour Chase' }, { autosaveDelayMs: null });
  created.update({ ...created.project, panels: [createPanel({ scenePrompt: 'Mara at the pier' }), createPanel({ scenePrompt: 'The ferry leaves' })] });
  await created.save();
  await created.close();
  const session = await openProject(root, { autosaveDelayMs: null });
  sessions.push(session);
  return session;
}

function answering(value: () => unknown) {
  const dispatcher = createDispatcher(silentLogger);
  dispatcher.register('project:current', value as () => never);
  return dispatcher;
}

describe('main checks an opened project once', () => {
  it('remembers the documents it parsed (opened, updated), not copies that look the same', async () => {
    const session = await openedSession();
    expect(isCheckedProject(session.project)).toBe(true);
    const updated = session.update({ ...session.project, title: 'Harbour Chase II' });
    expect(isCheckedProject(updated)).toBe(true);
    expect(isCheckedProject(structuredClone(updated))).toBe(false);
    expect(isCheckedProject(createEmptyProject({ title: 'Unparsed' }, new Date()))).toBe(false);
  });

  it('sends the held project as it is', async () => {
    const session = await openedSession();
    const envelope = await answering(() => ({ root: session.root, project: session.project, status: session.status, report: session.report })).dispatch('project:current', null);
    expect(envelope).toEqual({ ok: true, value: { root: session.root, project: session.project, status: session.status, report: session.report } });
  });

  it('still refuses a document that did not come out of the schema and breaks the contract', async () => {
    const session = await openedSession();
    const leaking = { ...session.project, apiKey: 'sk-live-abcdef123456' };
    const envelope = await answering(() => ({ root: session.root, project: leaking, status: session.status, report: session.report })).dispatch('project:current', null);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const wrongPanel = { ...session.project, panels: [{ ...session.project.panels[0], shotType: 'sideways' }] };
    const second = await answering(() => ({ root: session.root, project: wrongPanel, status: session.status, report: session.report })).dispatch('project:current', null);
    expect(second).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('still refuses an extra field beside a checked project', async () => {
    const session = await openedSession();
    const envelope = await answering(() => ({ root: session.root, project: session.project, status: session.status, report: session.report, key: 'sk-1' })).dispatch('project:current', null);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
