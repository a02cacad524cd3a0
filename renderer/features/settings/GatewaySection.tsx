/**
 * Gateway URL, parallel requests, the price used when the gateway does not report cost, and how
 * soon after the last change a project is saved.
 */
import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../shared/domain/settings';
import { useAppStore } from '../../state/store-context';
import { messageOf } from '../../lib/errors';

function GatewayForm({ settings }: { settings: Settings }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [baseUrl, setBaseUrl] = useState(settings.gatewayBaseUrl);
  const [concurrency, setConcurrency] = useState(String(settings.concurrency));
  const [timeout, setTimeoutSeconds] = useState(String(settings.requestTimeoutSeconds));
  const [retryCap, setRetryCap] = useState(String(settings.retryAfterCapSeconds / 60));
  const [price, setPrice] = useState((settings.pricePerImageCents / 100).toFixed(2));
  const [autosave, setAutosave] = useState(String(settings.autosaveDelayMs / 1000));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await updateSettings({
        gatewayBaseUrl: baseUrl,
        concurrency: Number(concurrency),
        requestTimeoutSeconds: Number(timeout),
        retryAfterCapSeconds: Math.round(Number(retryCap) * 60),
        pricePerImageCents: Math.round(Number(price) * 100),
        autosaveDelayMs: Math.round(Number(autosave) * 1000),
      });
      setMessage({ ok: true, text: 'Settings saved.' });
    } catch (error) {
      setMessage({ ok: false, text: messageOf(error) });
    }
  }

  return (
    <form className="settings-grid" onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor={`${id}-url`}>Gateway URL</label>
      <input id={`${id}-url`} type="url" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} spellCheck={false} />
      <label htmlFor={`${id}-concurrency`}>Parallel requests</label>
      <input id={`${id}-concurrency`} type="number" min={1} max={32} value={concurrency} onChange={(event) => setConcurrency(event.target.value)} />
      <label htmlFor={`${id}-timeout`}>Wait for an image at most (seconds)</label>
      <input id={`${id}-timeout`} type="number" min={5} max={3600} value={timeout} onChange={(event) => setTimeoutSeconds(event.target.value)} />
      <label htmlFor={`${id}-retry-cap`}>Wait out a slow-down request at most (minutes)</label>
      <input id={`${id}-retry-cap`} type="number" min={1} max={1440} step={1} value={retryCap} onChange={(event) => setRetryCap(event.target.value)} />
      <label htmlFor={`${id}-price`}>Price per image (USD)</label>
      <input id={`${id}-price`} type="number" min={0} step={0.01} value={price} onChange={(event) => setPrice(event.target.value)} />
      <label htmlFor={`${id}-autosave`}>Autosave after (seconds)</label>
      <input id={`${id}-autosave`} type="number" min={0.25} max={60} step={0.25} value={autosave} onChange={(event) => setAutosave(event.target.value)} />
      <div className="settings-grid-actions">
        <button type="submit">Save settings</button>
        <span role="status" aria-live="polite" className={message?.ok ? 'text-ok' : 'text-error'}>
          {message?.text}
        </span>
      </div>
    </form>
  );
}

export function GatewaySection() {
  const { settings } = useAppStore(useShallow((s) => ({ settings: s.settings })));
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>Gateway and saving</h3>
      {settings ? <GatewayForm settings={settings} /> : <p>Loading…</p>}
    </section>
  );
}
