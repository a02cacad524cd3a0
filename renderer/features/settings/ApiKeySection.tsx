/**
 * Set, replace, remove and test the AIgateway key. The typed key lives only in this component's
 * state until it is sent to main; afterwards only {hasKey, last4, storage} is shown.
 */
import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyStatus } from '../../../shared/domain/api-key';
import { useAppStore } from '../../state/store-context';
import { messageOf } from '../../lib/errors';
import { CheckboxField } from '../../ui/fields';

function describeStorage(status: KeyStatus): string {
  if (status.storage === 'session-only') return 'Kept for this session only: Castboard forgets it when you quit.';
  if (status.storage === 'plain-text-fallback') return 'Stored with weak protection: this computer has no keyring.';
  return 'Encrypted with your system keychain.';
}

export function ApiKeySection() {
  const { keyStatus, connection, saveKey, clearKey, testConnection, keyDestination, confirmBaseUrl } = useAppStore(
    useShallow((s) => ({
      keyStatus: s.keyStatus,
      connection: s.connection,
      saveKey: s.saveKey,
      clearKey: s.clearKey,
      testConnection: s.testConnection,
      keyDestination: s.keyDestination,
      confirmBaseUrl: s.confirmBaseUrl,
    })),
  );
  const weak = keyStatus?.storage === 'plain-text-fallback';
  const [draft, setDraft] = useState('');
  const [sessionOnly, setSessionOnly] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A refused key is the field's error: the box says it is invalid and points at the message.
  const [keyRefused, setKeyRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const keepSessionOnly = sessionOnly ?? weak;

  async function run(action: () => Promise<void>, forKey = false) {
    setBusy(true);
    setError(null);
    setKeyRefused(false);
    try {
      await action();
    } catch (caught) {
      setError(messageOf(caught));
      setKeyRefused(forKey);
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await saveKey(draft, keepSessionOnly);
      setDraft('');
    }, true);
  }

  return (
    <section className="settings-section" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>AIgateway API key</h3>
      <p className="key-status" data-testid="key-status">
        {keyStatus?.hasKey ? (
          <>
            <span className="pill pill-ok">Key saved</span> ends in <strong className="mono">…{keyStatus.last4}</strong>.{' '}
            {describeStorage(keyStatus)}
          </>
        ) : (
          <>
            <span className="pill">No key</span> Castboard needs your AIgateway key to generate panels ($0.05 per image).
          </>
        )}
      </p>
      {weak && (
        <p className="callout callout-warning" role="note">
          This computer has no keyring (Linux “basic_text” storage), so a saved key would be protected only weakly. Keep it
          for this session only, or install a keyring such as GNOME Keyring and restart Castboard.
        </p>
      )}
      <form className="key-form" onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor={inputId}>API key</label>
        <div className="row">
          <input
            id={inputId}
            data-autofocus
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={keyStatus?.hasKey ? 'Paste a new key to replace it' : 'Paste your key'}
            value={draft}
            aria-invalid={keyRefused}
            aria-describedby={keyRefused ? `${inputId}-error` : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              setKeyRefused(false);
            }}
          />
          <button type="submit" className="button-primary" disabled={busy || draft.trim().length === 0}>
            Save key
          </button>
        </div>
        <CheckboxField label="Keep for this session only" checked={keepSessionOnly} onChange={setSessionOnly} />
      </form>
      {keyStatus?.hasKey && keyDestination?.needsConfirmation && (
        <div className="callout callout-warning" role="note" data-testid="key-destination">
          <p>{keyDestination.message}</p>
          <button type="button" disabled={busy} onClick={() => void run(confirmBaseUrl)}>
            Confirm new address…
          </button>
        </div>
      )}
      <div className="row">
        <button type="button" disabled={busy || !keyStatus?.hasKey || connection.state === 'testing'} onClick={() => void run(testConnection)}>
          {connection.state === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="button-danger" disabled={busy || !keyStatus?.hasKey} onClick={() => void run(clearKey)}>
          Remove key
        </button>
      </div>
      <div role="status" aria-live="polite" className="status-line">
        {error && (
          <p id={`${inputId}-error`} className="callout callout-error">
            {error}
          </p>
        )}
        {connection.state === 'done' && (
          <p className={connection.result.ok ? 'callout callout-ok' : 'callout callout-error'}>{connection.result.message}</p>
        )}
      </div>
    </section>
  );
}
