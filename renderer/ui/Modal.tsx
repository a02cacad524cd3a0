/**
 * A modal on the native <dialog> element (focus trap, Escape and inert background for free).
 * The body is rendered only while open, so closed dialogs cost nothing and reset their state.
 * Closing because another dialog replaced this one is not the artist closing it: onClose is
 * called only while this dialog is still meant to be open (Escape, the close button).
 * The dialog opens on the field marked `data-autofocus` when its body has one: React's autoFocus
 * fires while the <dialog> is still closed (and unfocusable), so showModal() would otherwise put
 * focus on the first focusable element, the header's close button. Tab goes round inside the
 * dialog (tab-wrap.ts), never out to the page.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { wrapTab } from './tab-wrap';

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
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
