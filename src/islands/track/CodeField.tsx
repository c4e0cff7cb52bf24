import type { ComponentChildren, RefObject } from 'preact';
import FieldError from '../report/FieldError.tsx';
import { describedBy } from '../report/field-ids.ts';

interface Props {
  /** Element id; the hint and error ids derive from it. */
  id: string;
  /** The form field's name the server reads. */
  name: string;
  label: string;
  hint: ComponentChildren;
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement>;
}

/** A code typed from a note (tracking code or secret): no autocomplete or spell check, capitals offered. */
export default function CodeField({ id, name, label, hint, error, inputRef }: Props) {
  return (
    <div class="form-field">
      <label for={id}>{label}</label>
      <p class="form-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellcheck={false}
        class={error ? 'invalid' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}
