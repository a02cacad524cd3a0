/**
 * The Help menu in the title bar: a small menu button (Escape or a click outside closes it).
 * Escape gives the keyboard back to the Help button when it was in the menu (its item is about to
 * go, which would drop focus to the page); a click outside leaves focus where the click put it.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../state/store-context';
import { Icon } from '../../ui/Icon';

export function HelpMenu() {
  const openDialog = useAppStore((s) => s.openDialog);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && ref.current?.contains(event.target as Node)) return;
      setOpen(false);
      const active = document.activeElement;
      const inMenu = active === document.body || (active !== null && ref.current?.contains(active));
      if (event instanceof KeyboardEvent && inMenu) buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const choose = () => {
    setOpen(false);
    openDialog({ kind: 'shortcuts' });
  };

  return (
    <div className="menu" ref={ref}>
      <button ref={buttonRef} type="button" title="Help" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        <Icon name="help" />
        <span className="button-label">Help</span>
      </button>
      {open && (
        <div className="menu-popover" role="menu" aria-label="Help">
          <button type="button" role="menuitem" autoFocus onClick={choose}>
            Keyboard shortcuts <kbd>?</kbd>
          </button>
        </div>
      )}
    </div>
  );
}
