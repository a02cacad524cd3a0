/**
 * A modal on the native <dialog> element (focus trap, Escape and inert background for free).
 * The body is rendered only while open, so closed dialogs cost nothing and reset their state.
 * Closing because another dialog replaced this one is not the artist closing it: onClose is
 * called only while this dialog is still meant to be open (Escape, the close button).
 * The dialog opens on the field marked `data-autofocus` when its body has one: React's autoFocus
 * fires while the <dialog> is still closed (and unfocusable), so showModal() would otherwise put
 * focus on the first focusable element, the header's close button. Tab goes round inside the
 * dialog (tab-wrap.ts), never out to the page.
 * The footer is pinned (app.css): actions put there stay in view while the body scrolls. Pass them
 * as `footer`, or, when they share state with the body, render <ModalFooter> inside the body.
 */
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { wrapTab } from './tab-wrap';

const FooterSlot = createContext<HTMLElement | null>(null);

/**
 * Actions rendered from inside the body (which owns their state: a price, a busy flag) into the
 * dialog's pinned footer. In the DOM they come after the body, so Tab reaches them after its fields.
 */
export function ModalFooter({ children }: { children: ReactNode }) {
  const slot = useContext(FooterSlot);
  return slot ? createPortal(children, slot) : null;
}

export interface ModalProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}

export function Modal({ open, title, onClose, children, footer, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const openRef = useRef(open);
  const [footerSlot, setFooterSlot] = useState<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    openRef.current = open;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId} onClose={() => openRef.current && onClose()} onKeyDown={wrapTab}>
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="button-ghost icon-button" aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
              ✕
            </button>
          </header>
          <div className="dialog-body">
            <FooterSlot.Provider value={footerSlot}>{children}</FooterSlot.Provider>
          </div>
          {/* Always there while open, for <ModalFooter>; hidden while empty (app.css). */}
          <footer ref={setFooterSlot} className="dialog-footer">
            {footer}
          </footer>
        </>
      )}
    </dialog>
  );
}
