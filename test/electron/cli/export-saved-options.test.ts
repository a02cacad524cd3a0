/**
 * `castboard export --format` starts from the options the app's export dialog saved in the
 * project (exportSettings.formats), and a flag overrides one of them for that run. The project is
 * made and its options saved through the app's own channels.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultExportSettings } from '../../../shared/domain/project-edit';
import { productionSettings } from '../../../shared/domain/production-settings';
import { gatewayWith, rig, settled, storyboard, tempDir } from '../main/support/app-rig';
import { gifMetadata } from '../services/export/gif-reader';
import { cli } from './cli-kit';

describe('castboard export --format with options saved by the app', () => {
  it('uses the saved GIF width and MP4 subtitles unless a flag says otherwise', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 2);
    await r.call('jobs:generate', { panelIds: project.panels.map((panel) => panel.id), variations: 1 });
    await settled(r);
    const saved = productionSettings(defaultExportSettings());
    const formats = { gif: { width: 320 }, mp4: { ...saved.mp4, srt: true, captions: false, fps: 25 as const } };
    const current = r.services.workspace.project();
    await r.call('project:update', { project: { ...current, exportSettings: { ...current.exportSettings, formats } }, root });
    await r.call('project:save');

    const out = await tempDir();
    expect((await cli(['export', root, '--format', 'gif', '--out', path.join(out, 'saved.gif')])).code).toBe(0);
    expect(await gifMetadata(path.join(out, 'saved.gif'))).toMatchObject({ width: 320, pages: 2 });
    expect((await cli(['export', root, '--format', 'gif', '--out', path.join(out, 'wide.gif'), '--width', '640'])).code).toBe(0);
    expect((await gifMetadata(path.join(out, 'wide.gif'))).width).toBe(640);

    expect((await cli(['export', root, '--format', 'mp4', '--out', path.join(out, 'with.mp4')])).code).toBe(0);
    expect((await cli(['export', root, '--format', 'mp4', '--out', path.join(out, 'without.mp4'), '--no-srt'])).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['saved.gif', 'wide.gif', 'with.mp4', 'with.srt', 'without.mp4']);

    const both = await cli(['export', root, '--format', 'mp4', '--out', path.join(out, 'x.mp4'), '--srt', '--no-srt']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give --srt or --no-srt, not both.');
  });
});
