/**
 * The Settings dialog: the API key and the gateway, in the shared modal. The gateway form's Save
 * sits in the modal's pinned footer, in view at any window size (the body scrolls under it at
 * 1280x720 and below); the key section keeps its own buttons, which act on the key alone.
 */
import { useId, useState } from 'react';
import { Modal } from '../../ui/Modal';
import { useAppStore } from '../../state/store-context';
import { ApiKeySection } from './ApiKeySection';
import { GatewaySection, type SaveOutcome } from './GatewaySection';

function SettingsFooter({ formId, outcome, onClose }: { formId: string; outcome: SaveOutcome | null; onClose: () => void }) {
  const loaded = useAppStore((s) => s.settings !== null);
  return (
    <>
      <span role="status" aria-live="polite" className={`dialog-footer-status ${outcome?.ok ? 'text-ok' : 'text-error'}`}>
        {outcome?.text}
      </span>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        {/* form=: submits the gateway form from outside it, as Enter in one of its boxes does. */}
        <button type="submit" form={formId} className="button-primary" disabled={!loaded}>
          Save settings
        </button>
      </div>
    </>
  );
}

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const formId = useId();
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  // The form starts afresh at each opening (the modal renders it only while open): so does what its last save said.
  const [shownOpen, setShownOpen] = useState(open);
  if (shownOpen !== open) {
    setShownOpen(open);
    setOutcome(null);
  }
  return (
    <Modal open={open} title="Settings" onClose={onClose} footer={<SettingsFooter formId={formId} outcome={outcome} onClose={onClose} />}>
      <ApiKeySection />
      <GatewaySection formId={formId} onOutcome={setOutcome} />
    </Modal>
  );
}
