import type { InputHTMLAttributes } from 'preact';
import type { FormField, ReportFields, ReportFormModel } from './report-form-model.ts';
import { describedBy, fieldId } from './field-ids.ts';
import FieldError from './FieldError.tsx';

type TextKey = { [K in keyof ReportFields]: ReportFields[K] extends string ? K : never }[keyof ReportFields] & FormField;

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'label'> {
  model: ReportFormModel;
  name: TextKey;
  label: string;
  hint?: string;
  /** Makes the label the section's heading (a one-question section, GOV.UK style). */
  heading?: boolean;
}

/** A labelled one-line input bound to a model field, with its hint and error tied by aria-describedby. */
export default function TextInput({ model, name, label, hint, heading = false, ...attributes }: Props) {
  const id = fieldId(name);
  const error = model.errorFor(name);
  return (
    <div class="form-field">
      {heading ? (
        <h2 class="label-heading">
          <label for={id}>{label}</label>
        </h2>
      ) : (
        <label for={id}>{label}</label>
      )}
      {hint && (
        <p class="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <input
        type="text"
        {...attributes}
        id={id}
        name={name}
        class={error ? 'invalid' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        value={model.fields.value[name]}
        onInput={(e) => model.setField(name, e.currentTarget.value)}
      />
    </div>
  );
}
