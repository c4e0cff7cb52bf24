import { useMemo, useRef, useState } from 'preact/hooks';
import { createTrackModel, formatBeijingTime, sendAddition, type AdditionStatus } from './track/track-model.ts';
import CodeField from './track/CodeField.tsx';

/**
 * The tracking form. As HTML it posts to /api/reports/track and the server
 * answers with a page; hydrated it asks GET /api/reports/{code} with the
 * secret as a Bearer token (never in the URL) and shows the report in place:
 * what was reported, where it stands, what happens next and by when, and a
 * form to add information while the lead is open.
 */
export default function TrackReport() {
  const model = useMemo(() => createTrackModel((url, init) => fetch(url, init)), []);
  const codeInput = useRef<HTMLInputElement>(null);
  const secretInput = useRef<HTMLInputElement>(null);
  const addText = useRef<HTMLTextAreaElement>(null);
  const addPhotos = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState<{ status: AdditionStatus; message: string }>({ status: 'idle', message: '' });
  const status = model.status.value;
  const report = model.report.value;
  const codeError = model.codeError.value;
  const secretError = model.secretError.value;

  async function onSubmit(event: Event) {
    event.preventDefault();
    setAdding({ status: 'idle', message: '' });
    await model.lookUp(codeInput.current?.value ?? '', secretInput.current?.value ?? '');
    if (model.codeError.value) codeInput.current?.focus();
    else if (model.secretError.value) secretInput.current?.focus();
  }

  async function onAdd(event: Event) {
    event.preventDefault();
    if (!report?.additionToken) return;
    setAdding({ status: 'sending', message: '正在提交补充情况…' });
    const result = await sendAddition((url, init) => fetch(url, init), report.additionToken, addText.current?.value ?? '', [...(addPhotos.current?.files ?? [])]);
    if (result.ok) {
      if (addText.current) addText.current.value = '';
      if (addPhotos.current) addPhotos.current.value = '';
      setAdding({ status: 'sent', message: '补充的情况已收到，已转告承办单位。' });
      await model.lookUp(codeInput.current?.value ?? '', secretInput.current?.value ?? '');
    } else setAdding({ status: 'failed', message: result.message });
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
              <dd>
                {report.statusLabel}
                {report.supervised ? '（上级机关已挂牌督办）' : ''}
                {report.statusExplanation && (
                  <>
                    <br />
                    <span class="meta">{report.statusExplanation}</span>
                  </>
                )}
              </dd>
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
            <div>
              <dt>照片</dt>
              <dd>
                {report.photos} 张{report.unreadablePhotos > 0 ? `（其中 ${report.unreadablePhotos} 张无法处理，原件已作为证据保存）` : ''}
              </dd>
            </div>
            {report.outcomeLabel && (
              <div>
                <dt>核查结果</dt>
                <dd>{report.outcomeLabel}</dd>
              </div>
            )}
            {report.summary && (
              <div>
                <dt>承办单位说明</dt>
                <dd class="prewrap">{report.summary}</dd>
              </div>
            )}
            <div>
              <dt>接下来</dt>
              <dd>{report.next}</dd>
            </div>
            {report.description && (
              <div>
                <dt>您举报的内容</dt>
                <dd class="prewrap">{report.description}</dd>
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
          {report.additionToken && (
            <form class="track-addition" method="post" action="/api/reports/track/additions" encType="multipart/form-data" onSubmit={onAdd} aria-labelledby="add-title">
              <h3 id="add-title">补充情况</h3>
              <input type="hidden" name="token" value={report.additionToken} />
              <div class="form-field">
                <label for="add-text">补充的情况</label>
                <p class="form-hint" id="add-text-hint">例如：现场又来了几辆挖掘机。补充的内容会转告承办单位。</p>
                <textarea id="add-text" name="text" rows={4} maxLength={2000} aria-describedby="add-text-hint" ref={addText} />
              </div>
              <div class="form-field">
                <label for="add-photos">照片（可选，最多 6 张）</label>
                <input id="add-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple ref={addPhotos} />
              </div>
              <button type="submit" class="button secondary" aria-disabled={adding.status === 'sending' ? 'true' : undefined}>
                提交补充情况
              </button>
              <p class={adding.status === 'failed' ? 'addition-message bad' : 'addition-message'} role="status" aria-live="polite">
                {adding.message}
              </p>
            </form>
          )}
        </section>
      )}
    </>
  );
}
