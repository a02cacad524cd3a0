import { describe, expect, it } from 'vitest';
import {
  ASPECT_RATIOS,
  CURRENT_SCHEMA_VERSION,
  ProjectSchema,
  SHOT_TYPES,
  collectImageRefs,
  collectImageUsage,
  imageRefFromHash,
  imageRefProblem,
  type Project,
  type Take,
} from '../../../shared/domain/project';
import {
  activeTake,
  addTake,
  createCharacter,
  createEmptyProject,
  createPanel,
  fileNameBase,
  projectFolderName,
  removeCharacter,
  removePanel,
  removeTake,
  setActiveTake,
} from '../../../shared/domain/project-edit';

const NOW = new Date('2025-11-21T17:40:00.000Z');
const SHA = 'a'.repeat(64);
const IMAGE = `images/${SHA}.png`;

function ids() {
  let n = 0;
  return () => `id-${(n += 1)}`;
}

function take(id: string, image = IMAGE): Take {
  return { id, image, model: 'ideogram/ideogram-character', prompt: 'Mara at the pier', params: { n: 1 }, costCents: 5, createdAt: NOW.toISOString() };
}

function sample(): Project {
  const newId = ids();
  const project = createEmptyProject({ title: 'Harbour Chase' }, NOW);
  const mara = createCharacter({ name: 'Mara', referenceImage: `images/${'b'.repeat(64)}.png` }, newId);
  const panel = addTake(createPanel({ characterId: mara.id, shotType: 'CU' }, newId), take('t1'));
  return { ...project, characters: [mara], panels: [panel] };
}

function firstIssue(value: unknown): string {
  const result = ProjectSchema.safeParse(value);
  if (result.success) throw new Error('expected the document to be refused');
  const issue = result.error.issues[0];
  return `${issue?.path.join('.')}: ${issue?.message}`;
}

describe('project schema', () => {
  it('accepts what the helpers build, at the current version', () => {
    const project = sample();
    expect(project.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(ProjectSchema.parse(project)).toEqual(project);
    expect(ProjectSchema.parse(JSON.parse(JSON.stringify(project)))).toEqual(project);
  });

  it('lists the aspect ratios and shot types of the issue', () => {
    expect(ASPECT_RATIOS).toEqual(['16:9', '2.39:1', '4:3', '1:1', '9:16', '3:2']);
    expect(SHOT_TYPES).toEqual(['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS', 'OTS', 'POV', 'INSERT']);
  });

  it.each([
    ['../../etc/passwd', /points outside the project folder/],
    ['images/../../etc/passwd', /points outside the project folder/],
    ['/etc/passwd', /absolute path/],
    ['C:/Windows/win.ini', /absolute path/],
    [`images\\${SHA}.png`, /backslashes/],
    [`images/${SHA}.jpg`, /not a Castboard image name/],
    [`thumbs/${SHA}.png`, /not a Castboard image name/],
    [`images/${SHA.toUpperCase()}.png`, /not a Castboard image name/],
  ])('refuses the image path %s with a reason', (path, reason) => {
    expect(imageRefProblem(path)).toMatch(reason);
    const project = sample();
    const panel = project.panels[0]!;
    const bad = { ...project, panels: [{ ...panel, takes: [{ ...panel.takes[0]!, image: path }] }] };
    expect(firstIssue(bad)).toMatch(reason);
  });

  it('refuses wrong types, unknown fields and unknown enum values', () => {
    const project = sample();
    expect(firstIssue({ ...project, title: 42 })).toMatch(/^title:/);
    expect(firstIssue({ ...project, aspectRatio: '5:4' })).toMatch(/^aspectRatio:/);
    expect(firstIssue({ ...project, panels: [{ ...project.panels[0], shotType: 'CLOSE' }] })).toMatch(/^panels\.0\.shotType:/);
    expect(firstIssue({ ...project, panels: [{ ...project.panels[0], durationSeconds: '3' }] })).toMatch(/durationSeconds/);
    expect(firstIssue({ ...project, surprise: true })).toMatch(/surprise|Unrecognized/);
    expect(firstIssue({ ...project, schemaVersion: 1 })).toMatch(/^schemaVersion:/);
  });

  it('refuses broken links: duplicate ids, an active take from elsewhere, a missing featured character', () => {
    const project = sample();
    const panel = project.panels[0]!;
    expect(firstIssue({ ...project, panels: [panel, panel] })).toMatch(/panel id "id-2" is used twice/);
    expect(firstIssue({ ...project, panels: [{ ...panel, activeTakeId: 'nope' }] })).toMatch(/active take "nope" is not one of this panel's takes/);
    expect(firstIssue({ ...project, panels: [{ ...panel, characterId: 'ghost' }] })).toMatch(/featured character "ghost" does not exist/);
  });

  it('keeps provenance fields of a take', () => {
    const project = sample();
    const restyled: Take = { ...take('t2'), seed: 42, sourceTakeId: 't1', model: 'ideogram/ideogram-character-remix', params: { image_weight: 50, style_type: 'FICTION' }, width: 1312, height: 736 };
    const next = { ...project, panels: [addTake(project.panels[0]!, restyled)] };
    expect(ProjectSchema.parse(next).panels[0]?.takes[1]).toEqual(restyled);
    expect(firstIssue({ ...project, panels: [addTake(project.panels[0]!, { ...restyled, seed: -1 })] })).toMatch(/seed/);
  });

  it('keeps pending gateway jobs and export settings', () => {
    const project = sample();
    const job = { id: 'job_123', panelId: project.panels[0]!.id, kind: 'generate' as const, submittedAt: NOW.toISOString(), idempotencyKey: 'key-1', params: { n: 2 } };
    const next = { ...project, pendingJobs: [job], exportSettings: { ...project.exportSettings, captions: ['scene' as const, 'duration' as const], dpi: 300 as const } };
    expect(ProjectSchema.parse(next)).toEqual(next);
    expect(firstIssue({ ...next, exportSettings: { ...next.exportSettings, dpi: 200 } })).toMatch(/exportSettings\.dpi/);
    expect(firstIssue({ ...next, exportSettings: { ...next.exportSettings, captions: ['scene', 'scene'] } })).toMatch(/at most once/);
  });
});

describe('project helpers', () => {
  it('adds a take as the active one, and falls back to the newest when the active take is removed', () => {
    const panel = createPanel({}, ids());
    const one = addTake(panel, take('t1'));
    const two = addTake(one, take('t2'));
    expect(activeTake(two)?.id).toBe('t2');
    const kept = addTake(two, take('t3'), { activate: false });
    expect(kept.activeTakeId).toBe('t2');
    expect(removeTake(kept, 't2').activeTakeId).toBe('t3');
    expect(removeTake(one, 't1').activeTakeId).toBeNull();
    expect(setActiveTake(kept, 'missing')).toBe(kept);
    expect(panel.takes).toEqual([]); // inputs are never mutated
  });

  it('un-features a removed character and drops pending jobs of a removed panel', () => {
    const project = sample();
    const mara = project.characters[0]!;
    const withoutMara = removeCharacter(project, mara.id);
    expect(withoutMara.panels[0]?.characterId).toBeNull();
    expect(ProjectSchema.safeParse(withoutMara).success).toBe(true);
    const job = { id: 'job', panelId: project.panels[0]!.id, kind: 'generate' as const, submittedAt: NOW.toISOString(), idempotencyKey: 'k', params: {} };
    expect(removePanel({ ...project, pendingJobs: [job] }, job.panelId).pendingJobs).toEqual([]);
  });

  it('collects every referenced image once, with where it is used', () => {
    const project = sample();
    const second = addTake(project.panels[0]!, take('t2'));
    const next = { ...project, panels: [second] };
    expect(collectImageRefs(next)).toEqual([`images/${'b'.repeat(64)}.png`, IMAGE]);
    expect(collectImageUsage(next).get(IMAGE)).toEqual(['panel 1, take 1', 'panel 1, take 2']);
    expect(imageRefFromHash(SHA)).toBe(IMAGE);
  });

  it('makes a safe folder name from any title', () => {
    expect(projectFolderName('Harbour Chase')).toBe('Harbour Chase.castboard');
    expect(projectFolderName('Act 1: "The / Pier"?')).toBe('Act 1- -The - Pier--.castboard');
    expect(projectFolderName('  ..  ')).toBe('Untitled.castboard');
    expect(projectFolderName('CON')).toBe('Untitled.castboard');
    expect(projectFolderName('Ends with dots...')).toBe('Ends with dots.castboard');
  });

  it('cuts a long title to 100 units between whole characters, never leaving half an emoji in the folder or export file name', () => {
    const start = 'Harbour chase '.repeat(7); // 98 units
    // 😀 is two UTF-16 units: cut after the first, the name would hold a lone surrogate ("�" on disk).
    expect(fileNameBase(`${start}A😀 at dawn`)).toBe(`${start}A`);
    // A family is one character of 8 units: it goes whole, not as a single woman.
    expect(projectFolderName(`${start}👩‍👩‍👧 at dawn`)).toBe(`${start.trim()}.castboard`);
    expect(fileNameBase(`${start}👋🏽 at dawn`)).toBe(start.trim()); // not a hand without its skin tone
  });

  it('uses the global crypto for ids by default', () => {
    const a = createPanel();
    const b = createPanel();
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
  });
});
