/**
 * Gateway URL, parallel requests, the price used when the gateway does not report cost, and how
 * soon after the last change a project is saved.
 */
import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../shared/domain/settings';
import { useAppStore } from '../../state/store-context';
import { messageOf } from '../../lib/errors';
import { NUMBER_RANGES, settingsProblem, type SettingsField, type SettingsProblem } from './settings-problem';

const bounds = (field: keyof typeof NUMBER_RANGES) => ({ min: NUMBER_RANGES[field].min, max: NUMBER_RANGES[field].max });

function GatewayForm({ settings }: { settings: Settings }) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [baseUrl, setBaseUrl] = useState(settings.gatewayBaseUrl);
  const [concurrency, setConcurrency] = useState(String(settings.concurrency));
  const [timeout, setTimeoutSeconds] = useState(String(settings.requestTimeoutSeconds));
  const [retryCap, setRetryCap] = useState(String(settings.retryAfterCapSeconds / 60));
  const [price, setPrice] = useState((settings.pricePerImageCents / 100).toFixed(2));
  const [autosave, setAutosave] = useState(String(settings.autosaveDelayMs / 1000));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [problem, setProblem] = useState<SettingsProblem | null>(null);
  const id = useId();
  // The box a problem belongs to is marked invalid and described by the message under the form.
  const checked = (field: SettingsField) => (problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const patch = {
      gatewayBaseUrl: baseUrl,
      // An emptied box is not 0: it is refused like any other number out of range.
      concurrency: concurrency === '' ? NaN : Number(concurrency),
      requestTimeoutSeconds: timeout === '' ? NaN : Number(timeout),
      retryAfterCapSeconds: retryCap === '' ? NaN : Math.round(Number(retryCap) * 60),
      pricePerImageCents: price === '' ? NaN : Math.round(Number(price) * 100),
      autosaveDelayMs: autosave === '' ? NaN : Math.round(Number(autosave) * 1000),
    };
    const found = await settingsProblem(patch);
    setProblem(found);
    if (found) return;
    try {
      await updateSettings(patch);
      setMessage({ ok: true, text: 'Settings saved.' });
    } catch (error) {
      setMessage({ ok: false, text: messageOf(error) });
    }
  }

  return (
    // noValidate: the browser's own bubble is not read out; the problem is said below instead.
    <form className="settings-grid" noValidate onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor={`${id}-url`}>Gateway URL</label>
      <input id={`${id}-url`} type="url" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} spellCheck={false} {...checked('gatewayBaseUrl')} />
      <label htmlFor={`${id}-concurrency`}>Parallel requests</label>
      <input id={`${id}-concurrency`} type="number" {...bounds('concurrency')} {...checked('concurrency')} value={concurrency} onChange={(event) => setConcurrency(event.target.value)} />
      <label htmlFor={`${id}-timeout`}>Wait for an image at most (seconds)</label>
      <input id={`${id}-timeout`} type="number" {...bounds('requestTimeoutSeconds')} {...checked('requestTimeoutSeconds')} value={timeout} onChange={(event) => setTimeoutSeconds(event.target.value)} />
      <label htmlFor={`${id}-retry-cap`}>Wait out a slow-down request at most (minutes)</label>
      <input id={`${id}-retry-cap`} type="number" {...bounds('retryAfterCapSeconds')} step={1} {...checked('retryAfterCapSeconds')} value={retryCap} onChange={(event) => setRetryCap(event.target.value)} />
      <label htmlFor={`${id}-price`}>Price per image (USD)</label>
      <input id={`${id}-price`} type="number" {...bounds('pricePerImageCents')} step={0.01} {...checked('pricePerImageCents')} value={price} onChange={(event) => setPrice(event.target.value)} />
      <label htmlFor={`${id}-autosave`}>Autosave after (seconds)</label>
      <input id={`${id}-autosave`} type="number" {...bounds('autosaveDelayMs')} step={0.25} {...checked('autosaveDelayMs')} value={autosave} onChange={(event) => setAutosave(event.target.value)} />
      <div className="settings-grid-actions">
        <button type="submit">Save settings</button>
        <span role="status" aria-live="polite" className={message?.ok ? 'text-ok' : 'text-error'}>
          {message?.text}
        </span>
        {problem && (
          <span id={`${id}-problem`} role="alert" className="text-error">
            {problem.text}
          </span>
        )}
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
