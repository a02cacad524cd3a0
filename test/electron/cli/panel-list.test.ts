import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/cli-io';
import { parsePanelList } from '../../../electron/cli/panel-list';

describe('panel lists', () => {
  it('reads numbers and ranges, sorted and without duplicates', () => {
    expect(parsePanelList('1,3-5', 6)).toEqual([1, 3, 4, 5]);
    expect(parsePanelList('5, 2 - 3,3,', 6)).toEqual([2, 3, 5]);
    expect(parsePanelList('4', 4)).toEqual([4]);
  });

  it('names the valid range for numbers outside the project', () => {
    expect(() => parsePanelList('2-7', 5)).toThrow(new UsageError('There is no panel 7: this project has panels 1-5. Fix --panels.'));
    expect(() => parsePanelList('0', 5)).toThrow(/no panel 0: this project has panels 1-5/);
    expect(() => parsePanelList('2', 1)).toThrow(/has only panel 1/);
  });

  it('refuses malformed lists, backwards ranges and empty lists with an example', () => {
    expect(() => parsePanelList('one', 5)).toThrow(/panel numbers and ranges such as 1,3-5 \(you gave "one"\)/);
    expect(() => parsePanelList('1.5', 5)).toThrow(UsageError);
    expect(() => parsePanelList('-2', 5)).toThrow(UsageError);
    expect(() => parsePanelList('4-2', 5)).toThrow(/goes backwards; write 2-4/);
    expect(() => parsePanelList(' , ', 5)).toThrow(/at least one panel number/);
  });

  it('does not build huge ranges before checking them', () => {
    expect(() => parsePanelList('1-999999999999', 3)).toThrow(/panels 1-3/);
  });
});
