import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, ProjectSchema } from '../../../../shared/domain/project';
import { canMigrate, migrateToCurrent } from '../../../../electron/services/project/migrations';
import { createProject, openProject } from '../../../../electron/services/project/project-open';
import { makeTempDir, removeTempDirs, tinyPng } from './fixtures';

afterEach(removeTempDirs);

/** A project as the v1 prototype wrote it: one free-text camera field, no export settings or jobs. */
function v1Document(image: string) {
  return {
    schemaVersion: 1,
    title: 'Harbour Chase (prototype)',
    aspectRatio: '2.39:1',
    style: { stylePrompt: 'ink wash', styleType: 'FICTION', renderingSpeed: 'TURBO', negativePrompt: '' },
    characters: [{ id: 'mara', name: 'Mara', description: 'Red coat', referenceImage: image }],
    panels: [
      {
        id: 'p1', scenePrompt: 'Mara on the pier', shotType: 'WS', camera: 'low angle, slow push-in', dialogue: '', action: 'runs', notes: 'Dusk',
        durationSeconds: 3, characterId: 'mara', activeTakeId: 't1',
        takes: [{ id: 't1', image, model: 'ideogram/ideogram-character', prompt: 'Mara on the pier', params: {}, costCents: 5, createdAt: '2025-01-02T10:00:00.000Z' }],
      },
      { id: 'p2', scenePrompt: 'Close on the rope', shotType: 'INSERT', dialogue: '', action: '', notes: '', durationSeconds: 1, characterId: null, takes: [], activeTakeId: null },
    ],
    createdAt: '2025-01-02T09:00:00.000Z',
  };
}

describe('migrations', () => {
  it('upgrades v1 to the current format without losing the camera wording', () => {
    expect(canMigrate(1)).toBe(true);
    expect(canMigrate(0)).toBe(false);
    const migrated = ProjectSchema.parse(migrateToCurrent(v1Document(`images/${'c'.repeat(64)}.png`), 1));
    expect(migrated.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(migrated.panels[0]).toMatchObject({ cameraAngle: 'LOW', cameraMovement: 'DOLLY', notes: 'Dusk\nCamera: low angle, slow push-in' });
    expect(migrated.panels[1]).toMatchObject({ cameraAngle: 'EYE_LEVEL', cameraMovement: 'STATIC', notes: '' });
    expect(migrated.pendingJobs).toEqual([]);
    expect(migrated.exportSettings.columns).toBeGreaterThan(0);
  });

  it('opening a v1 project keeps the original byte-for-byte in backups/ and autosaves the migrated one', async () => {
    const root = path.join(await makeTempDir(), 'Old.castboard');
    const seedSession = await createProject(root, { title: 'placeholder' }, { autosaveDelayMs: null });
    const image = await seedSession.putImage(tinyPng(5));
    await seedSession.close();
    const original = Buffer.from(JSON.stringify(v1Document(image), null, 2));
    await writeFile(path.join(root, 'project.json'), original);

    const session = await openProject(root, { autosaveDelayMs: null });
    expect(session.report.migratedFrom).toBe(1);
    expect(session.report.originalKeptAs).toMatch(/^backups\/project-v1-original-.*\.json$/);
    expect(session.report.message).toMatch(/made by an older Castboard \(format 1\) and has been updated to format 3\. The original file is kept as backups\/project-v1-original-/);
    expect(await readFile(path.join(root, session.report.originalKeptAs ?? ''))).toEqual(original);
    expect(session.status).toMatchObject({ state: 'unsaved', dirty: true });
    expect(await readFile(path.join(root, 'project.json'))).toEqual(original); // nothing saved over it yet
    await session.close();

    const saved = JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8')) as { schemaVersion: number };
    expect(saved.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const reopened = await openProject(root, { autosaveDelayMs: null });
    expect(reopened.report.migratedFrom).toBeNull();
    await reopened.close();
    const originals = (await readdir(path.join(root, 'backups'))).filter((name) => name.startsWith('project-v1-original-'));
    expect(originals).toHaveLength(1);
  });

  it('opens a v2 project (the format before image controls) unchanged but for its version, keeping the original', async () => {
    const root = path.join(await makeTempDir(), 'Two.castboard');
    const made = await createProject(root, { title: 'Made in format 2' }, { autosaveDelayMs: null });
    await made.close();
    const current = JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8')) as Record<string, unknown>;
    const { style: _style, ...withoutV3Fields } = current as { style: unknown };
    const v2 = Buffer.from(JSON.stringify({ ...withoutV3Fields, schemaVersion: 2, style: { stylePrompt: '', styleType: 'AUTO', renderingSpeed: 'DEFAULT', negativePrompt: '' } }, null, 2));
    await writeFile(path.join(root, 'project.json'), v2);

    const session = await openProject(root, { autosaveDelayMs: null });
    expect(session.report.migratedFrom).toBe(2);
    expect(session.project.title).toBe('Made in format 2');
    expect(session.project.schemaVersion).toBe(3);
    expect(session.project.style.magicPrompt).toBe('OFF');
    expect(await readFile(path.join(root, session.report.originalKeptAs ?? ''))).toEqual(v2);
    await session.close();
  });
});
