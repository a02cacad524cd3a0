/**
 * A long project title becomes file and folder names cut to 100 UTF-16 units (fileNameBase). The
 * cut can fall right after a dot or a space ("… 1. The pier"): the new project's folder and the
 * names the export save dialogs suggest must still never end in one (Windows drops a trailing dot
 * or space from a name, or refuses it). Titles go in through project:create, as the app's New
 * project dialog sends them.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { createPanel, defaultExportSettings } from '../../../shared/domain/project-edit';
import { productionSettings } from '../../../shared/domain/production-settings';
import type { Project } from '../../../shared/domain/project';
import { gatewayWith, rig, tempDir, type Rig } from './support/app-rig';

const UNITS_KEPT = 100;
/** 98 units: "Harbour chase" seven times, ending in a space. */
const LONG_START = 'Harbour chase '.repeat(7);

/** Titles an artist could type, each with a dot or a space as the last unit the cut keeps. */
const TITLES = [
  { at: 'a dot', title: `${LONG_START}1. The pier at night`, base: `${LONG_START}1` },
  { at: 'a space after a dot', title: `${LONG_START.slice(0, -1)}s. Act 2`, base: `${LONG_START.slice(0, -1)}s` },
  { at: 'a space between dots', title: `${LONG_START.slice(0, -1)} . . . and then`, base: LONG_START.slice(0, -1) },
  // Nothing but dots and spaces before the cut: the name falls back to "Untitled", never to "" or ". . .".
  { at: 'dots and spaces only', title: `${'. '.repeat(50)}The pier`, base: 'Untitled' },
];

async function createProject(r: Rig, parent: string, title: string): Promise<{ root: string; project: Project }> {
  r.dialogs.script('chooseFolder', parent);
  const opened = (await r.call('project:create', { title, aspectRatio: '16:9' })) as { root: string; project: Project };
  // A panel, so the exports have something to offer (the dialog is cancelled: nothing is written).
  await r.call('project:update', { project: { ...opened.project, panels: [createPanel({ scenePrompt: 'The pier at night' })] }, root: opened.root });
  return opened;
}

describe('file names from a long title', () => {
  it.each(TITLES)('never end in a dot or a space when the cut falls on $at', async ({ title, base }) => {
    expect(title.length).toBeGreaterThan(UNITS_KEPT);
    expect(title.slice(UNITS_KEPT - 2, UNITS_KEPT)).toMatch(/[. ]$/); // the cut really lands on one
    const r = rig(await gatewayWith());
    const parent = await tempDir();
    await createProject(r, parent, title);
    expect(await readdir(parent)).toEqual([`${base}.castboard`]);

    const saveDialog = vi.spyOn(r.services.dialogs, 'chooseSavePath'); // answers "cancelled": nothing is written
    const settings = defaultExportSettings();
    expect(await r.call('export:contactSheet', { settings, selectedPanelIds: [] })).toBeNull();
    expect(await r.call('export:production', { format: 'pdf', settings: productionSettings(settings), selectedPanelIds: [], selectedOnly: false })).toBeNull();
    const suggested = saveDialog.mock.calls.map(([request]) => request.defaultPath?.slice(parent.length + 1));
    expect(suggested).toEqual([`${base} contact sheet.png`, `${base}.pdf`]);
    expect(await readdir(parent)).toEqual([`${base}.castboard`]);
  });
});
