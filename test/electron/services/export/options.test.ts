import { describe, expect, it } from 'vitest';
import { CastboardError } from '../../../../shared/errors';
import { DEFAULT_CONTACT_SHEET_OPTIONS, parseAspectRatio, parseContactSheetOptions } from '../../../../electron/services/export/options';

function failure(raw: unknown): CastboardError {
  try {
    parseContactSheetOptions(raw);
  } catch (error) {
    if (error instanceof CastboardError) return error;
    throw error;
  }
  throw new Error('expected the options to be refused');
}

describe('parseContactSheetOptions', () => {
  it('fills every default from an empty object', () => {
    expect(parseContactSheetOptions({})).toEqual(DEFAULT_CONTACT_SHEET_OPTIONS);
    expect(DEFAULT_CONTACT_SHEET_OPTIONS).toMatchObject({ columns: 4, page: 'none', dpi: 150, selectedOnly: false, captions: ['dialogue'] });
  });

  it('keeps valid choices', () => {
    const options = parseContactSheetOptions({ columns: 12, page: 'letter', orientation: 'landscape', dpi: 300, captions: ['scene', 'notes', 'duration'], background: '#123', aspectRatio: '2.39:1' });
    expect(options).toMatchObject({ columns: 12, page: 'letter', orientation: 'landscape', dpi: 300, captions: ['scene', 'notes', 'duration'], background: '#123' });
  });

  it.each([
    [{ columns: 0 }, /Columns must be at least 1.*"columns"/],
    [{ columns: 13 }, /Columns must be at most 12/],
    [{ columns: 2.5 }, /Columns must be a whole number/],
    [{ cellWidth: 10 }, /Cell width must be at least 64/],
    [{ captions: ['dialogue', 'mood'] }, /Unknown caption field.*scene, dialogue, action, notes, shot, angle, movement, duration/],
    [{ captions: ['shot', 'shot'] }, /Each caption field can be chosen once/],
    [{ dpi: 200 }, /150 or 300 dpi/],
    [{ page: 'a3' }, /none, a4 or letter/],
    [{ background: 'red' }, /colour like #ffffff/],
    [{ aspectRatio: 'wide' }, /Aspect ratio must look like 16:9/],
    [{ aspectRatio: '20:1' }, /Aspect ratio/],
    [{ colums: 3 }, /Unknown export option: colums/],
    ['a4', /must be an object/],
  ])('refuses %j with EXPORT_INVALID_OPTIONS naming the problem', (raw, message) => {
    const error = failure(raw);
    expect(error.code).toBe('EXPORT_INVALID_OPTIONS');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Fix the export settings/);
  });
});

describe('parseAspectRatio', () => {
  it.each([
    ['16:9', 16 / 9],
    ['2.39:1', 2.39],
    ['4:3', 4 / 3],
    ['1:1', 1],
    ['9:16', 9 / 16],
    ['3:2', 1.5],
  ])('reads %s', (ratio, value) => {
    expect(parseAspectRatio(ratio)).toBeCloseTo(value, 6);
  });

  it.each(['16/9', '16:0', '0:9', ':9', '16:9:1', '100:1', ''])('rejects %j', (ratio) => {
    expect(parseAspectRatio(ratio)).toBeNull();
  });
});
