import { useEffect, useState } from 'preact/hooks';
import type { CompactCalendar } from '../../lib/procedures/compact-calendar.ts';
import { splitKeepTokens } from '../../lib/keep-tokens.ts';
import { countedEvents, deadlineRows, formatDateWithWeekday, isValidDate, type CalculatorStep, type DeadlineRow } from './deadline-model.ts';

interface Props {
  steps: CalculatorStep[];
  remedies: CalculatorStep[];
  /** Steps a count may start from. */
  startable: { id: string; name: string }[];
  /** Holiday arrangement of the years around today, built with the page, as JSON. */
  calendarJson: string;
  /** The date first shown (the build date). */
  defaultDate: string;
}

type Result = { startName: string; date: string; enteredCount: number; steps: DeadlineRow[]; remedies: DeadlineRow[] };

function Rows({ rows, caption }: { rows: DeadlineRow[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table class="stack" role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row"><th scope="col" role="columnheader">环节</th><th scope="col" role="columnheader">时限</th><th scope="col" role="columnheader">日期</th></tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((r) => (
            <tr key={r.id} role="row" class={r.start ? 'start-row' : undefined}>
              <th scope="row" role="rowheader">{r.name}{r.when && <span class="meta"><br />（{r.when}）</span>}</th>
              <td role="cell"><span class="cell-label" aria-hidden="true">时限</span>{r.limitText ?? '无固定时限'}</td>
              <td role="cell">
                <span class="cell-label" aria-hidden="true">日期</span>
                {splitKeepTokens(r.result).map((run) => (run.whole ? <span class="nowrap">{run.text}</span> : run.text))}
                {r.uncertain && <><br /><strong class="tag warn">该年节假日安排尚未公布，日期可能变动</strong></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Deadlines of the steps from a chosen start step and date on, in real working
 * days; the dates of later events already known (the hearing, 送达) may be
 * entered, and the limits counted from them follow. Without JavaScript the page
 * says so in a <noscript> beside the island.
 */
export default function DeadlineCalculator({ steps, remedies, startable, calendarJson, defaultDate }: Props) {
  const [calendar] = useState(() => JSON.parse(calendarJson) as CompactCalendar);
  const [hydrated, setHydrated] = useState(false);
  const [startStep, setStartStep] = useState(startable[0]?.id ?? '');
  const [date, setDate] = useState(defaultDate);
  const [error, setError] = useState('');
  const [entered, setEntered] = useState<Record<string, string>>({});
  const [enteredErrors, setEnteredErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Result | undefined>(undefined);
  useEffect(() => setHydrated(true), []);

  // A 1 px slot, so that client:visible has something to watch.
  if (!hydrated) return <div class="calculator-slot" />;

  const years = Object.keys(calendar).join('、');
  const events = countedEvents(steps, remedies, startStep);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const given: Record<string, string> = {};
    const wrong: Record<string, string> = {};
    for (const e of events) {
      const value = entered[e.id]?.trim() ?? '';
      if (value === '') continue;
      if (isValidDate(value)) given[e.id] = value;
      else wrong[e.id] = '请输入有效的日期，例如 2025-10-20，或者不填。';
    }
    setEnteredErrors(wrong);
    if (!isValidDate(date) || Object.keys(wrong).length > 0) {
      setError(!isValidDate(date) ? '请输入有效的日期，例如 2025-09-26。' : '有填写的日期无效，请修改标出的日期。');
      setResult(undefined);
      return;
    }
    setError('');
    const rows = deadlineRows(steps, remedies, calendar, startStep, date, given);
    setResult({ startName: startable.find((s) => s.id === startStep)?.name ?? startStep, date, enteredCount: Object.keys(given).length, ...rows });
  };
  const uncertain = result ? [...result.steps, ...result.remedies].filter((r) => r.uncertain).length : 0;
  const counted = result ? [...result.steps, ...result.remedies].filter((r) => r.result.startsWith('最迟')).length : 0;

  return (
    <div class="calculator">
      <form onSubmit={onSubmit} aria-labelledby="calculator-title" noValidate>
        <div class="field">
          <label for="deadline-start-step">起算环节</label>
          <select id="deadline-start-step" value={startStep} onChange={(e) => setStartStep((e.target as HTMLSelectElement).value)}>
            {startable.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="deadline-start-date">该环节的日期</label>
          <input
            id="deadline-start-date"
            type="date"
            value={date}
            aria-describedby="deadline-date-hint"
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => setDate((e.target as HTMLInputElement).value)}
          />
          <p id="deadline-date-hint" class="meta">节假日与调休数据覆盖 {years} 年；其他年份按周末休息估算并标注。</p>
        </div>
        {events.length > 0 && (
          <fieldset aria-describedby="deadline-events-hint">
            <legend>其后环节的实际日期（可选）</legend>
            <p id="deadline-events-hint" class="meta">已经发生或已经确定的环节，填上日期后，从它起算的期限按这一天计算；不填的，按最迟日期推算。</p>
            {events.map((e) => (
              <div class="field" key={e.id}>
                <label for={`deadline-event-${e.id}`}>“{e.name}”的日期</label>
                <p id={`deadline-event-${e.id}-hint`} class="meta">用于计算：{e.usedBy.join('、')}</p>
                {enteredErrors[e.id] && <p id={`deadline-event-${e.id}-error`} class="error-text">{enteredErrors[e.id]}</p>}
                <input
                  id={`deadline-event-${e.id}`}
                  type="date"
                  value={entered[e.id] ?? ''}
                  aria-describedby={`deadline-event-${e.id}-hint${enteredErrors[e.id] ? ` deadline-event-${e.id}-error` : ''}`}
                  aria-invalid={enteredErrors[e.id] ? 'true' : undefined}
                  onInput={(ev) => setEntered({ ...entered, [e.id]: (ev.target as HTMLInputElement).value })}
                />
              </div>
            ))}
          </fieldset>
        )}
        <button class="button" type="submit">计算期限</button>
      </form>
      <div role="status" aria-live="polite" class="calculator-status">
        {error && <p class="error-text">{error}</p>}
        {result && (
          <p>
            从“{result.startName}”（{formatDateWithWeekday(result.date)}）起算{result.enteredCount > 0 ? `，并按您填写的 ${result.enteredCount} 个日期` : ''}，共算出 {counted} 个最迟日期，见下表。
            {uncertain > 0 && `其中 ${uncertain} 个落在节假日安排尚未公布的年份，日期可能变动。`}
          </p>
        )}
      </div>
      {result && (
        <>
          <Rows rows={result.steps} caption="各环节的最迟日期" />
          {result.remedies.length > 0 && <Rows rows={result.remedies} caption="救济途径的最迟日期" />}
        </>
      )}
    </div>
  );
}
