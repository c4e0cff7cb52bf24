import { useEffect, useState } from 'preact/hooks';
import { REPORT_LIMITS } from '../../../api/domain/report-input.ts';
import type { ReportFormModel } from './report-form-model.ts';
import { describedBy } from './field-ids.ts';
import FieldError from './FieldError.tsx';

interface Props {
  model: ReportFormModel;
  hydrated: boolean;
}

/** Free text with a live counter; screen readers hear the count once typing pauses (GOV.UK character count). */
export default function DescriptionField({ model, hydrated }: Props) {
  const error = model.errorFor('description');
  const length = model.descriptionLength.value;
  const left = REPORT_LIMITS.descriptionMax - length;
  const countText = left >= 0 ? `已写 ${length} 字，还可以写 ${left} 字` : `已超出 ${-left} 字`;
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (!hydrated) return;
    const timer = setTimeout(() => setAnnounced(countText), 1200);
    return () => clearTimeout(timer);
  }, [countText, hydrated]);
  return (
    <div class="form-field">
      <h2 class="label-heading">
        <label for="report-description">发生了什么</label>
      </h2>
      <p class="form-hint" id="report-description-hint">
        写清楚谁（如知道）在做什么、规模多大、是否还在进行，例如“有人在村东的耕地上挖砂，已挖出约两亩大的坑，每天夜里有货车运砂”。至少 {REPORT_LIMITS.descriptionMin} 字，最多{' '}
        {REPORT_LIMITS.descriptionMax} 字。
      </p>
      <FieldError id="report-description-error" message={error} />
      <textarea
        id="report-description"
        name="description"
        rows={6}
        class={error ? 'invalid' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy('report-description-hint', error && 'report-description-error')}
        value={model.fields.value.description}
        onInput={(e) => model.setField('description', e.currentTarget.value)}
      />
      {hydrated && (
        <>
          <p class={left < 0 ? 'form-count over' : 'form-count'} aria-hidden="true">
            {countText}
          </p>
          <p class="visually-hidden" aria-live="polite">
            {announced}
          </p>
        </>
      )}
    </div>
  );
}
