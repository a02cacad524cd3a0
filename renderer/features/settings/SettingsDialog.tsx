/** The Settings dialog: a native modal <dialog> (focus trap and Escape for free). */
import { useEffect, useRef } from 'react';
import { ApiKeySection } from './ApiKeySection';
import { GatewaySection } from './GatewaySection';

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="settings-title" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="settings-title">Settings</h2>
        <button type="button" className="button-ghost" aria-label="Close settings" onClick={onClose}>
          ✕
        </button>
      </header>
      {open && (
        <div className="dialog-body">
          <ApiKeySection />
          <GatewaySection />
        </div>
      )}
    </dialog>
  );
}
