import type { ReportFormModel } from './report-form-model.ts';
import { describedBy, fieldId } from './field-ids.ts';
import FieldError from './FieldError.tsx';

interface Props {
  model: ReportFormModel;
  name: 'contactConsent' | 'journalist';
  label: string;
  hint?: string;
}

/** A checkbox that posts `yes`, as the API expects. */
export default function Checkbox({ model, name, label, hint }: Props) {
  const id = fieldId(name);
  const error = model.errorFor(name);
  return (
    <div class="form-field checkbox">
      <FieldError id={`${id}-error`} message={error} />
      <input
        type="checkbox"
        id={id}
        name={name}
        value="yes"
        checked={model.fields.value[name]}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onChange={(e) => model.setField(name, e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
