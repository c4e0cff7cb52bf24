import type { CategoryChoice, ReportFormModel } from './report-form-model.ts';
import { describedBy } from './field-ids.ts';
import FieldError from './FieldError.tsx';

interface Props {
  model: ReportFormModel;
  categories: readonly CategoryChoice[];
}

/** The categories this channel takes; the ones it does not are explained above the form. */
export default function CategoryField({ model, categories }: Props) {
  const error = model.errorFor('category');
  const chosen = model.fields.value.category;
  return (
    <fieldset class="form-field" aria-describedby={describedBy('report-category-hint', error && 'report-category-error')}>
      <legend>
        <h2>违法类型</h2>
      </legend>
      <p class="form-hint" id="report-category-hint">
        选择最接近的一项。不确定时选“非法占用土地”，核查人员会重新判断。
      </p>
      <FieldError id="report-category-error" message={error} />
      <div class="radios">
        {categories
          .filter((c) => c.inScope)
          .map((c) => (
            <div class="radio" key={c.code}>
              <input
                type="radio"
                name="category"
                id={`report-category-${c.code}`}
                value={c.code}
                checked={chosen === c.code}
                aria-describedby={`report-category-${c.code}-hint`}
                onChange={() => model.setField('category', c.code)}
              />
              <label for={`report-category-${c.code}`}>{c.name}</label>
              <p class="form-hint" id={`report-category-${c.code}-hint`}>
                {c.description}
              </p>
            </div>
          ))}
      </div>
    </fieldset>
  );
}
