import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../shared/domain/project';
import { createEmptyProject } from '../../../shared/domain/project-edit';
import { videoPixels } from '../../../shared/domain/production-export';
import { DEFAULT_MP4_SETTINGS, productionSettings } from '../../../shared/domain/production-settings';

const NOW = new Date('2026-03-14T12:00:00.000Z');

describe('saved options of the production formats', () => {
  it('a project saved before they existed opens unchanged and gets the defaults, the PDF following the sheet page', () => {
    const project = createEmptyProject({ title: 'Harbour Chase' }, NOW);
    const old = JSON.parse(JSON.stringify({ ...project, exportSettings: { ...project.exportSettings, page: 'letter', orientation: 'portrait', dpi: 300 } })) as unknown;
    const opened = ProjectSchema.parse(old);
    expect(opened).toEqual(old);
    expect(opened.exportSettings.formats).toBeUndefined();
    expect(productionSettings(opened.exportSettings)).toEqual({
      pdf: { page: 'letter', orientation: 'portrait', dpi: 300, layout: 'grid', perPage: 6, captions: true },
      mp4: DEFAULT_MP4_SETTINGS,
      gif: { width: 480 },
      fcpxml: { fps: 24 },
    });
  });

  it('round-trips saved options and refuses ones the exports cannot honour, naming the field', () => {
    const project = createEmptyProject({ title: 'Harbour Chase' }, NOW);
    const formats = { pdf: { page: 'a4', orientation: 'landscape', dpi: 150, layout: 'shooting', perPage: 2, captions: false }, gif: { width: 320 } } as const;
    const saved = { ...project, exportSettings: { ...project.exportSettings, formats } };
    expect(ProjectSchema.parse(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(productionSettings(saved.exportSettings).pdf).toEqual(formats.pdf);
    const issue = (value: unknown) => ProjectSchema.safeParse(value).error?.issues[0];
    expect(issue({ ...saved, exportSettings: { ...saved.exportSettings, formats: { pdf: { ...formats.pdf, perPage: 5 } } } })).toMatchObject({ path: ['exportSettings', 'formats', 'pdf', 'perPage'], message: 'a shooting board holds 1 to 3 panels a page' });
    expect(issue({ ...saved, exportSettings: { ...saved.exportSettings, formats: { mp4: { ...DEFAULT_MP4_SETTINGS, fps: 60 } } } })?.path).toEqual(['exportSettings', 'formats', 'mp4', 'fps']);
    expect(issue({ ...saved, exportSettings: { ...saved.exportSettings, formats: { webm: {} } } })?.code).toBe('unrecognized_keys');
  });

  it('sizes video frames evenly, the project shape at 1080 lines', () => {
    expect(videoPixels('1280x720', '2.39:1')).toEqual({ width: 1280, height: 720 });
    expect(videoPixels('project', '16:9')).toEqual({ width: 1920, height: 1080 });
    expect(videoPixels('project', '2.39:1')).toEqual({ width: 2582, height: 1080 });
    expect(videoPixels('project', '9:16')).toEqual({ width: 608, height: 1080 });
  });
});
