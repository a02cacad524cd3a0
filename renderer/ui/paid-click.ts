import type { MouseEvent } from 'react';

/**
 * The click handler of a button that spends money: the later clicks of a double or triple click
 * (`detail` > 1) are ignored, so a double-click habit never pays for two requests. A keyboard
 * press (`detail` 0) and each separate click still count: a second request is one more
 * deliberate click away.
 */
export function paidClick(action: () => void): (event: MouseEvent) => void {
  return (event) => {
    if (event.detail > 1) return;
    action();
  };
}
