/** 1-4 variations as a segmented radio group (one request returns up to four images). */
import { useId } from 'react';

export interface VariationsPickerProps {
  value: number;
  onChange: (value: number) => void;
  label?: string;
  /** The accessible name of one choice, e.g. "3 variations". */
  itemLabel?: (count: number) => string;
}

const defaultItemLabel = (count: number) => `${count} ${count === 1 ? 'variation' : 'variations'}`;

export function VariationsPicker({ value, onChange, label = 'Variations', itemLabel = defaultItemLabel }: VariationsPickerProps) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>{label}</legend>
      {[1, 2, 3, 4].map((count) => (
        <label key={count} className={count === value ? 'is-on' : undefined}>
          <input type="radio" name={name} value={count} checked={count === value} onChange={() => onChange(count)} aria-label={itemLabel(count)} />
          <span aria-hidden="true">{count}</span>
        </label>
      ))}
    </fieldset>
  );
}
