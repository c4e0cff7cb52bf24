import type { Ref } from 'preact';
import type { FieldError } from '../../api/domain/report-input.ts';

interface Props {
  title: string;
  errors: readonly FieldError[];
  /** The id of the input that shows a field's error. */
  targetOf: (field: string) => string | undefined;
  summaryRef: Ref<HTMLDivElement>;
}

/** GOV.UK's error summary: focused after a failed submit; each link focuses its field. */
export default function ErrorSummary({ title, errors, targetOf, summaryRef }: Props) {
  function focusField(event: MouseEvent, id: string) {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    // The question, not just the input, should be in view.
    (target.closest('fieldset, .form-field') ?? target).scrollIntoView({ block: 'start' });
  }
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => {
          const id = error.field ? targetOf(error.field) : undefined;
          return <li key={`${error.field}:${error.message}`}>{id ? <a href={`#${id}`} onClick={(e) => focusField(e, id)}>{error.message}</a> : error.message}</li>;
        })}
      </ul>
    </div>
  );
}
