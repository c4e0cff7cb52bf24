import { useEffect, useState } from 'preact/hooks';
import type { CompactCalendar } from '../../lib/procedures/compact-calendar.ts';
import { deadlineRows, formatDateWithWeekday, isValidDate, type CalculatorStep, type DeadlineRow } from './deadline-model.ts';

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

type Result = { startName: string; date: string; steps: DeadlineRow[]; remedies: DeadlineRow[] };

function Rows({ rows, caption }: { rows: DeadlineRow[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">环节</th><th scope="col">时限</th><th scope="col">日期</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} class={r.start ? 'start-row' : undefined}>
              <th scope="row">{r.name}{r.when && <span class="meta"><br />（{r.when}）</span>}</th>
              <td>{r.limitText ?? '无固定时限'}</td>
              <td>
                {r.result}
                {r.uncertain && <><br /><strong class="tag warn">该年节假日安排尚未公布，日期可能变动</strong></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Deadlines of every step from a chosen start step and date, in real working days. */
export default function DeadlineCalculator({ steps, remedies, startable, calendarJson, defaultDate }: Props) {
  const [calendar] = useState(() => JSON.parse(calendarJson) as CompactCalendar);
  const [hydrated, setHydrated] = useState(false);
  const [startStep, setStartStep] = useState(startable[0]?.id ?? '');
  const [date, setDate] = useState(defaultDate);
  const [error, setError] = useState('');
  const [result, setResult] = useState<Result | undefined>(undefined);
  useEffect(() => setHydrated(true), []);

  if (!hydrated) {
    return <p class="notice">期限计算器需要启用 JavaScript。各环节的时限已在上方逐项列出。</p>;
  }

  const years = Object.keys(calendar).join('、');
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!isValidDate(date)) {
      setError('请输入有效的日期，例如 2025-09-26。');
      setResult(undefined);
      return;
    }
    setError('');
    const rows = deadlineRows(steps, remedies, calendar, startStep, date);
    setResult({ startName: startable.find((s) => s.id === startStep)?.name ?? startStep, date, ...rows });
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
        <button class="button" type="submit">计算期限</button>
      </form>
      <div role="status" aria-live="polite" class="calculator-status">
        {error && <p class="error-text">{error}</p>}
        {result && (
          <p>
            从“{result.startName}”（{formatDateWithWeekday(result.date)}）起算，共算出 {counted} 个最迟日期，见下表。
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
