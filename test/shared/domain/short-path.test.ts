import { describe, expect, it } from 'vitest';
import { shortPath, shortPaths } from '../../../shared/domain/short-path';

describe('paths shortened in the middle', () => {
  it('keeps the root and the last parts, and leaves a short path whole', () => {
    expect(shortPath('/Users/ana/Documents/Clients/Harbor Films/Night Market.castboard')).toBe('/…/Clients/Harbor Films/Night Market.castboard');
    expect(shortPath('C:\\Users\\ana\\Documents\\Clients\\Harbor Films\\Night Market.castboard')).toBe('C:\\…\\Clients\\Harbor Films\\Night Market.castboard');
    expect(shortPath('/boards/Night Market.castboard')).toBe('/boards/Night Market.castboard');
  });

  it('always shows the project folder and its parent, however long', () => {
    const long = `/Volumes/Work/${'A very long client folder name '.repeat(2)}/${'Night Market '.repeat(4)}.castboard`;
    expect(shortPath(long)).toBe(`/…/${'A very long client folder name '.repeat(2)}/${'Night Market '.repeat(4)}.castboard`);
  });

  it('keeps more parts where two paths would read the same, until they differ', () => {
    const [harbor, lumen, other] = shortPaths([
      '/Volumes/Work/Clients/Harbor Films/Storyboards/Season 2/Episode 4/Night Market.castboard',
      '/Volumes/Work/Clients/Lumen Studio/Storyboards/Season 2/Episode 4/Night Market.castboard',
      '/Volumes/Work/Clients/Lumen Studio/Storyboards/Season 2/Episode 5/Night Rain.castboard',
    ]);
    expect(harbor).toBe('/…/Harbor Films/Storyboards/Season 2/Episode 4/Night Market.castboard');
    expect(lumen).toBe('/…/Lumen Studio/Storyboards/Season 2/Episode 4/Night Market.castboard');
    expect(other).toBe('/…/Season 2/Episode 5/Night Rain.castboard');
  });
});
