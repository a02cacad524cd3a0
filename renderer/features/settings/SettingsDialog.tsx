/** The Settings dialog: the API key and the gateway, in the shared modal. */
import { Modal } from '../../ui/Modal';
import { ApiKeySection } from './ApiKeySection';
import { GatewaySection } from './GatewaySection';

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="Settings" onClose={onClose}>
      <ApiKeySection />
      <GatewaySection />
    </Modal>
  );
}
