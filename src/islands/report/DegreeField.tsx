import FieldError from './FieldError.tsx';
import { describedBy } from './field-ids.ts';

interface Props {
  /** `lat` or `lng`: the form field's name, also the base of the element ids. */
  name: 'lat' | 'lng';
  label: string;
  hint: string;
  min: number;
  max: number;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

/** One coordinate in decimal degrees, with its hint and error tied to it for screen readers. */
export default function DegreeField({ name, label, hint, min, max, value, error, onInput }: Props) {
  const id = `report-${name}`;
  return (
    <div class="form-field">
      <label for={id}>{label}</label>
      <p class="form-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        name={name}
        type="number"
        step="any"
        min={min}
        max={max}
        inputMode="decimal"
        class={error ? 'invalid' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
