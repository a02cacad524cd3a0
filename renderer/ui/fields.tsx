/**
 * Form controls bound to the document. Text edits go to the store on every keystroke (the
 * history coalesces them into word-sized undo steps) and end the burst on blur; after an undo or
 * redo the caret sits where the text changed (use-caret-at-change). Number fields keep a
 * local draft so a half-typed value ("1.") is not fought over; valid values go to the store, and
 * a value out of range is refused with a note naming the range and the value kept (number-draft).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useAppStore } from '../state/store-context';
import { useScopedState } from './field-scope';
import { useNumberDraft, type NumberDraft } from './number-draft';
import { useCaretAtChange } from './use-caret-at-change';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  placeholder?: string;
  maxLength?: number;
  hint?: ReactNode;
  /** Take the keyboard now (a panel just added is for writing); `onFocused` then clears the request. */
  focusRequested?: boolean;
  onFocused?: () => void;
}

/** The counter shows from this share of the limit on, so the artist sees the limit coming. */
const COUNTER_FROM = 0.8;

export interface LimitedText {
  /** For the text box's aria-describedby while the note shows. */
  describedBy: string | undefined;
  /** Hand the box's new text here: it is kept up to the limit, and a cut is said, never silent. */
  onText(text: string): void;
  /** The counter near the limit, or what was cut; null while far from the limit. */
  note: ReactNode;
}

/** The limit of a long text box: a counter from 80 % of it on, and a message when text was cut. */
export function useLimitedText(label: string, value: string, maxLength: number, onChange: (value: string) => void): LimitedText {
  const id = useId();
  // Set when a paste or typing went past the limit: what was kept is said, never cut silently.
  const [cut, setCut] = useScopedState<number | null>(() => null);
  const shown = value.length >= maxLength * COUNTER_FROM || cut !== null;
  return {
    describedBy: shown ? `${id}-limit` : undefined,
    onText(text) {
      setCut(text.length > maxLength ? text.length : null);
      onChange(text.length > maxLength ? text.slice(0, maxLength) : text);
    },
    note: shown ? <LimitNote id={`${id}-limit`} label={label} length={value.length} maxLength={maxLength} cutFrom={cut} /> : null,
  };
}

export function TextAreaField({ label, value, onChange, rows = 3, placeholder, maxLength = 4000, hint, focusRequested = false, onFocused }: TextFieldProps) {
  const id = useId();
  const endTyping = useAppStore((s) => s.endTyping);
  const limited = useLimitedText(label, value, maxLength, onChange);
  const box = useRef<HTMLTextAreaElement>(null);
  const typed = useCaretAtChange(box, value);
  useEffect(() => {
    if (!focusRequested) return;
    box.current?.focus();
    onFocused?.();
  }, [focusRequested, onFocused]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={box}
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        aria-describedby={limited.describedBy}
        onChange={(event) => {
          typed(event.target.value);
          limited.onText(event.target.value);
        }}
        onBlur={endTyping}
      />
      {limited.note}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

function LimitNote({ id, label, length, maxLength, cutFrom }: { id: string; label: string; length: number; maxLength: number; cutFrom: number | null }) {
  const count = (n: number) => n.toLocaleString('en-US');
  return (
    <p id={id} className={cutFrom !== null || length >= maxLength ? 'field-hint limit-note warn' : 'field-hint limit-note'} role={cutFrom !== null ? 'alert' : undefined}>
      {cutFrom !== null
        ? `${label} holds ${count(maxLength)} characters: the text was ${count(cutFrom)}, so ${cutFrom - maxLength === 1 ? 'the last character was' : `the last ${count(cutFrom - maxLength)} were`} not kept.`
        : `${count(length)} / ${count(maxLength)} characters`}
    </p>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  disabled?: boolean;
}

export function SelectField<T extends string>({ label, value, options, onChange, disabled }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  suffix?: string;
}

/**
 * What the artist is told when the box does not hold what they typed: the range, and the value
 * kept instead. Worded without a verb that agrees with the label ("Columns", "Duration").
 */
function rangeNote(label: string, min: number, max: number, suffix: string | undefined, value: number, number: NumberDraft): string | null {
  const unit = suffix ? ` ${suffix}` : '';
  if (number.invalid) return `${label} must be ${min} to ${max}${unit}: kept at ${value}${unit} until you type a number in that range.`;
  if (number.dropped !== null) return `${number.dropped} is outside ${min} to ${max}${unit}: ${label} kept at ${value}${unit}.`;
  return null;
}

export function NumberField({ label, value, min, max, step = 1, onChange, suffix }: NumberFieldProps) {
  const id = useId();
  const endTyping = useAppStore((s) => s.endTyping);
  const number = useNumberDraft(value, min, max, onChange);
  const note = rangeNote(label, min, max, suffix, value, number);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-suffix">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={number.draft}
          aria-invalid={number.invalid}
          aria-describedby={note ? `${id}-range` : undefined}
          onChange={(event) => number.onInput(event.target.value)}
          onBlur={() => {
            number.reset();
            endTyping();
          }}
        />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </div>
      {note && (
        <p id={`${id}-range`} className="field-hint warn" role="alert">
          {note}
        </p>
      )}
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** An on/off option with its label beside the box (the label wraps, it is never cut). */
export function CheckboxField({ label, checked, onChange, disabled }: CheckboxFieldProps) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
