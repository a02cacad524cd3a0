/**
 * The consistency threshold box. It keeps what is typed until that is a number in range, then
 * saves it (the badges follow at once); out of range it says so and the threshold is the one in
 * force before typing (a "0.9" on the way to "0.95" does not stay), and leaving the box shows that
 * threshold and says the typed value was not used. The note is its own line of the bar
 * (ThresholdNote), so it wraps instead of pushing the bar's buttons.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CONSISTENCY_THRESHOLD_RANGE } from '../../../shared/domain/consistency-outcomes';
import { consistencyThreshold } from '../../state/consistency-slice';
import { useAppStore } from '../../state/store-context';
import { useNumberDraft, type NumberDraft } from '../../ui/number-draft';

const { min, max } = CONSISTENCY_THRESHOLD_RANGE;

export interface ThresholdDraft {
  number: NumberDraft;
  /** What is wrong with the typed value, or what became of it; null when all is well. */
  note: string | null;
  noteId: string;
}

export function useThresholdDraft(): ThresholdDraft {
  const noteId = useId();
  const { threshold, updateSettings } = useAppStore(useShallow((s) => ({ threshold: consistencyThreshold(s), updateSettings: s.updateSettings })));
  const number = useNumberDraft(threshold, min, max, (value) => void updateSettings({ consistencyThreshold: value }));
  const note = number.invalid
    ? `The threshold goes from ${min} to ${max}: it stays ${threshold} until you type a number in that range.`
    : number.dropped !== null
      ? `${number.dropped} is outside ${min} to ${max}: the threshold stays ${threshold}.`
      : null;
  return { number, note, noteId };
}

export function ThresholdInput({ field }: { field: ThresholdDraft }) {
  const { number, note, noteId } = field;
  return (
    <label title="The largest face distance still counted as the same character">
      Threshold{' '}
      <input
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={0.05}
        value={number.draft}
        aria-invalid={number.invalid}
        aria-describedby={note ? noteId : undefined}
        onChange={(event) => number.onInput(event.target.value)}
        onBlur={() => number.reset()}
      />
    </label>
  );
}

export function ThresholdNote({ field }: { field: ThresholdDraft }) {
  if (!field.note) return null;
  return (
    <p id={field.noteId} className="threshold-note" role="alert">
      {field.note}
    </p>
  );
}
