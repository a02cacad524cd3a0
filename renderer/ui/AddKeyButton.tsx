/**
 * What a paid button becomes when there is no API key: "Add API key", opening Settings, as
 * Generate does, instead of a price and a request that can only fail with "add your key". Each
 * names its action (Restyle, Render) for assistive tech, so several in the inspector stay distinct.
 */
import { useAppStore } from '../state/store-context';
import { Icon } from './Icon';

export function useNoKey(): boolean {
  return useAppStore((s) => s.keyStatus?.hasKey === false);
}

export function AddKeyButton({ action }: { action: string }) {
  const openDialog = useAppStore((s) => s.openDialog);
  return (
    <button type="button" aria-label={`Add API key to ${action.toLowerCase()}`} title={`${action} needs your AIgateway API key: open Settings to add it`} onClick={() => openDialog({ kind: 'settings' })}>
      <Icon name="gear" /> Add API key
    </button>
  );
}
