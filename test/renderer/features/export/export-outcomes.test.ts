/**
 * The words the export dialog ends an export with: one panel without a take is named in the
 * singular, several in the plural with their numbers, and each format says what it made of them
 * (the contact sheet the same as the PDF board).
 */
import { describe, expect, it } from 'vitest';
import { outcomes, withoutTakeNote } from '../../../../renderer/features/export/export-outcomes';

describe('notes on panels without a take', () => {
  it('names one panel in the singular and several in the plural', () => {
    expect(withoutTakeNote([2], 'placeholder')).toBe(' Panel 2 has no take: it shows as a placeholder.');
    expect(withoutTakeNote([2, 5, 7], 'placeholder')).toBe(' 3 panels without a take (2, 5, 7) show as placeholders.');
    expect(withoutTakeNote([], 'placeholder')).toBe('');
  });

  it('lists the first eight of a long run', () => {
    expect(withoutTakeNote([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'no file')).toBe(' 10 panels without a take (1, 2, 3, 4, 5, 6, 7, 8…) have no image file.');
  });

  it('the contact sheet mentions placeholders as the PDF board does, and unreadable files apart', () => {
    const sheet = outcomes.sheet({ files: ['/out/sheet.png'], pages: 1, withoutImage: [2], missingImages: [] });
    const pdf = outcomes.production('pdf', { files: ['/out/board.pdf'], withoutImage: [2], missingImages: [] });
    expect(sheet?.text).toBe('Contact sheet saved: /out/sheet.png. Panel 2 has no take: it shows as a placeholder.');
    expect(pdf?.text).toBe('Saved: /out/board.pdf. Panel 2 has no take: it shows as a placeholder.');
    const unreadable = outcomes.sheet({ files: ['/out/sheet.png'], pages: 1, withoutImage: [], missingImages: [3, 4] });
    expect(unreadable?.text).toBe('Contact sheet saved: /out/sheet.png. The images of 2 panels (3, 4) could not be read: their cells say “Image missing”.');
  });

  it('says what each format made of them: a gap in the timeline, no file for panel images and the shot list', () => {
    expect(outcomes.production('fcpxml', { files: ['/out/cut.fcpxml'], withoutImage: [4], missingImages: [] })?.text).toBe('Saved: /out/cut.fcpxml. Panel 4 has no take: it is a gap in the timeline.');
    expect(outcomes.production('csv', { files: ['/out/shots.csv'], withoutImage: [1, 4], missingImages: [] })?.text).toBe('Saved: /out/shots.csv. 2 panels without a take (1, 4) have no image file.');
    expect(outcomes.panels({ files: ['/out/001-dawn.png'], withoutImage: [2], missingImages: [] })?.text).toBe('1 panel image saved. Panel 2 has no take: it has no image file.');
  });

  it('names the panels whose image file could not be read, apart from those without a take, in every format', () => {
    const mp4 = outcomes.production('mp4', { files: ['/out/cut.mp4'], withoutImage: [5], missingImages: [2] });
    expect(mp4?.text).toBe('Saved: /out/cut.mp4. Panel 5 has no take: it shows as a placeholder. The image of panel 2 could not be read: it shows as a placeholder.');
    expect(outcomes.production('pdf', { files: ['/out/board.pdf'], withoutImage: [], missingImages: [2] })?.text).toBe('Saved: /out/board.pdf. The image of panel 2 could not be read: its cell says “Image missing”.');
    expect(outcomes.production('fcpxml', { files: ['/out/cut.fcpxml', '/out/cut-panels/001-a.png'], withoutImage: [], missingImages: [2, 3] })?.text).toBe(
      'Saved: /out/cut.fcpxml and 1 more file. The images of 2 panels (2, 3) could not be read: they are gaps in the timeline.',
    );
    expect(outcomes.production('csv', { files: ['/out/shots.csv'], withoutImage: [], missingImages: [2] })?.text).toBe('Saved: /out/shots.csv. The image of panel 2 could not be read: it has no image file.');
    expect(outcomes.panels({ files: ['/out/001-dawn.png'], withoutImage: [], missingImages: [2] })?.text).toBe('1 panel image saved. The image of panel 2 could not be read: it has no image file.');
  });
});
