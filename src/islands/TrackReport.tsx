import { useMemo, useRef } from 'preact/hooks';
import { createTrackModel, formatBeijingTime } from './track/track-model.ts';
import CodeField from './track/CodeField.tsx';

/**
 * The tracking form. As HTML it posts to /api/reports/track and the server
 * answers with a page; hydrated it asks GET /api/reports/{code} with the
 * secret as a Bearer token (never in the URL) and shows the timeline in place.
 */
export default function TrackReport() {
  const model = useMemo(() => createTrackModel((url, init) => fetch(url, init)), []);
  const codeInput = useRef<HTMLInputElement>(null);
  const secretInput = useRef<HTMLInputElement>(null);
  const status = model.status.value;
  const report = model.report.value;
  const codeError = model.codeError.value;
  const secretError = model.secretError.value;

  async function onSubmit(event: Event) {
    event.preventDefault();
    await model.lookUp(codeInput.current?.value ?? '', secretInput.current?.value ?? '');
    if (model.codeError.value) codeInput.current?.focus();
    else if (model.secretError.value) secretInput.current?.focus();
  }

  return (
    <>
      <form class="track-form" method="post" action="/api/reports/track" noValidate onSubmit={onSubmit}>
        <CodeField
          id="track-code"
          name="trackingCode"
          label="查询码"
          hint={<>提交举报后得到的查询码，例如 <span class="nowrap">JB-7K4M-Q2XD</span>。字母不区分大小写。</>}
          error={codeError}
          inputRef={codeInput}
        />
        <CodeField id="track-secret" name="secret" label="查询密钥" hint="与查询码一起显示的一串字母和数字，空格和短横线可有可无。" error={secretError} inputRef={secretInput} />
        <button type="submit" class="button" aria-disabled={status === 'loading' ? 'true' : undefined}>
          查询
        </button>
      </form>
      <div class={status === 'not-found' || status === 'failed' ? 'track-message bad' : 'track-message'} role="status" aria-live="polite">
        {status !== 'idle' && <p>{model.message.value}</p>}
      </div>
      {status === 'found' && report && (
        <section class="card track-result" aria-labelledby="track-result-title">
          <h2 id="track-result-title">
            查询码 <span class="code">{report.trackingCode}</span>
          </h2>
          <dl class="fields">
            <div>
              <dt>当前状态</dt>
              <dd>{report.statusLabel}</dd>
            </div>
            <div>
              <dt>承办单位</dt>
              <dd>{report.officeName ?? '待分派'}</dd>
            </div>
            {report.categoryName && (
              <div>
                <dt>违法类型</dt>
                <dd>{report.categoryName}</dd>
              </div>
            )}
            {report.receivedAt && (
              <div>
                <dt>收到时间</dt>
                <dd>
                  <time dateTime={report.receivedAt}>{formatBeijingTime(report.receivedAt)}</time>（北京时间）
                </dd>
              </div>
            )}
          </dl>
          <h3>办理记录</h3>
          <ol class="timeline">
            {report.timeline.map((event) => (
              <li key={`${event.at}:${event.type}`}>
                <time dateTime={event.at}>{formatBeijingTime(event.at)}</time> {event.text}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
