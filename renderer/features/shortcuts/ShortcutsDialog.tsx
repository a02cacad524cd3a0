/** The Keyboard shortcuts dialog (Help menu, or "?"). */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store-context';
import { modKey } from '../../lib/format';
import { Modal } from '../../ui/Modal';
import { SHORTCUT_GROUPS } from './shortcut-list';

export function ShortcutsDialog() {
  const { open, closeDialog } = useAppStore(useShallow((s) => ({ open: s.dialog?.kind === 'shortcuts', closeDialog: s.closeDialog })));
  const mod = modKey();
  return (
    <Modal open={open} title="Keyboard shortcuts" onClose={closeDialog}>
      <p className="muted small">Single-key shortcuts work when you are not typing in a field; {mod} shortcuts work everywhere.</p>
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl className="shortcut-list">
              {group.items.map((item) => (
                <div key={`${item.keys.join('+')} ${item.action}`} className="shortcut-row">
                  <dt>
                    {item.keys.map((key) => (
                      <kbd key={key}>{key === 'Mod' ? mod : key}</kbd>
                    ))}
                  </dt>
                  <dd>{item.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
