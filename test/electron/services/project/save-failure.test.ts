/**
 * Saves that the operating system refuses: a read-only folder and a full disk. Each must say so
 * (PROJECT_SAVE_FAILED with what happened and what to do), keep the work unsaved, and leave every
 * file byte-identical.
 *
 * Making a folder read-only for real: chmod when not root. Root ignores permission bits, so
 * as root the folder is made immutable with `chattr +i` (the kernel then refuses root too). If
 * neither works here (root without CAP_LINUX_IMMUTABLE, or a file system without attributes), the
 * test falls back to a file-size limit (`ulimit -f`, EFBIG), another real refusal by the kernel.
 * The full disk is simulated with that same limit in a child process.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, openProject } from '../../../../electron/services/project/project-open';
import { runProjectChild } from './child-process';
import { makeReadOnly } from './read-only-folder';
import { buildSampleProject, makeTempDir, removeTempDirs, snapshotTree } from './fixtures';

const undoers: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const undo of undoers.splice(0)) await undo();
  await removeTempDirs();
});

async function makeProject(panels = 2): Promise<string> {
  const root = path.join(await makeTempDir(), 'Harbour Chase.castboard');
  const session = await createProject(root, { title: 'Harbour Chase' }, { autosaveDelayMs: null });
  session.update(await buildSampleProject((png) => session.putImage(png), { panels }));
  await session.close();
  return root;
}

describe('a save the operating system refuses', () => {
  it('read-only folder: says so, keeps the work unsaved, changes no file', async () => {
    const root = await makeProject();
    const session = await openProject(root, { autosaveDelayMs: null });
    const how = await makeReadOnly(root, undoers);
    if (how === null) {
      await session.close({ save: false });
      const answer = await runProjectChild('edit-save', root, { fileSizeLimitBlocks: 8 });
      expect(answer).toMatchObject({ ok: false, code: 'PROJECT_SAVE_FAILED', status: { state: 'error', dirty: true } });
      return;
    }
    const before = await snapshotTree(root);
    session.update({ ...session.project, title: 'Harbour Chase, second draft' });
    const failure = await session.save().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'PROJECT_SAVE_FAILED' });
    expect((failure as Error).message).toMatch(
      /^Castboard could not save: Castboard is not allowed to write to the folder ".*" \(it is read-only or protected\)\. Use Save As .* Your changes are still open in Castboard \(unsaved\), and the project on disk was not changed\.$/,
    );
    expect(session.status).toEqual({ state: 'error', dirty: true, message: (failure as Error).message, lastSavedAt: expect.any(String), readOnlyReason: null });
    expect(session.project.title).toBe('Harbour Chase, second draft');
    expect(await snapshotTree(root)).toEqual(before);
    for (const undo of undoers.splice(0)) await undo();
    await session.save(); // once writable again, the same work saves
    expect(session.status.state).toBe('saved');
    await session.close();
  });

  it('folder already read-only when opened: opens read-only and explains why saving is impossible', async () => {
    const root = await makeProject();
    const how = await makeReadOnly(root, undoers);
    const before = await snapshotTree(root);
    if (how === null) {
      // No way to make a folder read-only here (see header); the open path still must not write.
      const session = await openProject(root, { autosaveDelayMs: null });
      await session.close();
      expect(await snapshotTree(root)).toEqual(before);
      return;
    }
    const session = await openProject(root, { autosaveDelayMs: null });
    expect(session.status.readOnlyReason).toMatch(/cannot write to the folder .* Use Save As to save a copy somewhere else/);
    session.update({ ...session.project, title: 'Changed' });
    await expect(session.save()).rejects.toMatchObject({ code: 'PROJECT_SAVE_FAILED', message: expect.stringMatching(/^Castboard could not save: Castboard cannot write to the folder/) });
    expect(session.status).toMatchObject({ state: 'error', dirty: true });
    await expect(session.close()).rejects.toMatchObject({ code: 'PROJECT_SAVE_FAILED' });
    await session.close({ save: false });
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('disk full (kernel file-size limit in a second process): says so, keeps the work unsaved, changes no file', async () => {
    const root = await makeProject(3);
    const before = await snapshotTree(root);
    const answer = await runProjectChild('edit-save', root, { fileSizeLimitBlocks: 8 });
    expect(answer).toMatchObject({ ok: false, code: 'PROJECT_SAVE_FAILED', status: { state: 'error', dirty: true } });
    expect(answer.message).toMatch(/no room for the file\. Free some space and save again, or use Save As .* the project on disk was not changed\./);
    expect(answer.status?.message).toBe(answer.message);
    expect(await snapshotTree(root)).toEqual(before);
  }, 30_000);
});
