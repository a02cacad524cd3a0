import type { KeyboardEvent, MouseEvent } from 'react';

/**
 * The handlers of a button that spends money, so that one intention is one request: the later
 * clicks of a double or triple click (`detail` > 1) are ignored, and so is Enter held down (each
 * repeat of the key would activate the button again). A single key press (`detail` 0) and each
 * separate click still count: a second request is one more deliberate click away.
 */
export function paidButton(action: () => void): { onClick: (event: MouseEvent) => void; onKeyDown: (event: KeyboardEvent) => void } {
  return {
    onClick(event) {
      if (event.detail > 1) return;
      action();
    },
    onKeyDown(event) {
      if (event.repeat) event.preventDefault();
    },
  };
}
