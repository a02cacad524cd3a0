/**
 * Gateway URL, parallel requests, the price used when the gateway does not report cost, and how
 * soon after the last change a project is saved. The form's Save button is not in it: it sits in
 * the dialog's pinned footer (SettingsFooter) and reaches this form through its id (`formId`), so
 * Enter in any box still saves and the button is in view however far the body is scrolled. For the
 * same reason the outcome ("Settings saved.") is handed up to be said beside that button, and a
 * refused value is said under its own box, which takes focus (scrolled into view).
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../shared/domain/settings';
import { useAppStore } from '../../state/store-context';
import { messageOf } from '../../lib/errors';
import { NUMBER_RANGES, settingsProblem, type SettingsField, type SettingsProblem } from './settings-problem';

/** What the last save came to, said in the footer beside Save settings. */
export interface SaveOutcome {
  ok: boolean;
  text: string;
}

interface GatewayFormProps {
  settings: Settings;
  formId: string;
  onOutcome: (outcome: SaveOutcome | null) => void;
}

const bounds = (field: keyof typeof NUMBER_RANGES) => ({ min: NUMBER_RANGES[field].min, max: NUMBER_RANGES[field].max });

function GatewayForm({ settings, formId, onOutcome }: GatewayFormProps) {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [baseUrl, setBaseUrl] = useState(settings.gatewayBaseUrl);
  const [concurrency, setConcurrency] = useState(String(settings.concurrency));
  const [timeout, setTimeoutSeconds] = useState(String(settings.requestTimeoutSeconds));
  const [retryCap, setRetryCap] = useState(String(settings.retryAfterCapSeconds / 60));
  const [price, setPrice] = useState((settings.pricePerImageCents / 100).toFixed(2));
  const [autosave, setAutosave] = useState(String(settings.autosaveDelayMs / 1000));
  const [problem, setProblem] = useState<SettingsProblem | null>(null);
  const id = useId();
  const boxId = (field: SettingsField) => `${id}-${field}`;
  // The box a problem belongs to is marked invalid and described by the message right under it.
  const box = (field: SettingsField) => ({
    id: boxId(field),
    ...(problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {}),
  });
  const row = (field: SettingsField, label: string, input: ReactNode) => (
    <>
      <label htmlFor={boxId(field)}>{label}</label>
      {input}
      {problem?.field === field && (
        <span id={`${id}-problem`} role="alert" className="text-error settings-grid-problem">
          {problem.text}
        </span>
      )}
    </>
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    onOutcome(null);
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
    // Save was pressed in the footer, maybe with the box scrolled out of view: take the artist to it.
    if (found) return document.getElementById(boxId(found.field))?.focus();
    try {
      await updateSettings(patch);
      onOutcome({ ok: true, text: 'Settings saved.' });
    } catch (error) {
      onOutcome({ ok: false, text: messageOf(error) });
    }
  }

  return (
    // noValidate: the browser's own bubble is not read out; the problem is said under its box instead.
    <form id={formId} className="settings-grid" noValidate onSubmit={(event) => void onSubmit(event)}>
      {row('gatewayBaseUrl', 'Gateway URL', <input {...box('gatewayBaseUrl')} type="url" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} spellCheck={false} />)}
      {row('concurrency', 'Parallel requests', <input {...box('concurrency')} type="number" {...bounds('concurrency')} value={concurrency} onChange={(event) => setConcurrency(event.target.value)} />)}
      {row(
        'requestTimeoutSeconds',
        'Wait for an image at most (seconds)',
        <input {...box('requestTimeoutSeconds')} type="number" {...bounds('requestTimeoutSeconds')} value={timeout} onChange={(event) => setTimeoutSeconds(event.target.value)} />,
      )}
      {row(
        'retryAfterCapSeconds',
        'Wait out a slow-down request at most (minutes)',
        <input {...box('retryAfterCapSeconds')} type="number" {...bounds('retryAfterCapSeconds')} step={1} value={retryCap} onChange={(event) => setRetryCap(event.target.value)} />,
      )}
      {row('pricePerImageCents', 'Price per image (USD)', <input {...box('pricePerImageCents')} type="number" {...bounds('pricePerImageCents')} step={0.01} value={price} onChange={(event) => setPrice(event.target.value)} />)}
      {row('autosaveDelayMs', 'Autosave after (seconds)', <input {...box('autosaveDelayMs')} type="number" {...bounds('autosaveDelayMs')} step={0.25} value={autosave} onChange={(event) => setAutosave(event.target.value)} />)}
    </form>
  );
}

export function GatewaySection({ formId, onOutcome }: Omit<GatewayFormProps, 'settings'>) {
  const { settings } = useAppStore(useShallow((s) => ({ settings: s.settings })));
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>Gateway and saving</h3>
      {settings ? <GatewayForm settings={settings} formId={formId} onOutcome={onOutcome} /> : <p>Loading…</p>}
    </section>
  );
}
