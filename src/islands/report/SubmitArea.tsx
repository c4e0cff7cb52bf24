import type { ReportFormModel } from './report-form-model.ts';
import DiscardDraft from './DiscardDraft.tsx';

interface Props {
  model: ReportFormModel;
  /** Where the draft stands (saved on this device, discarded, or cannot be saved). */
  note: string;
  /** True while a draft is kept on this device: the reporter may discard it. */
  draftSaved: boolean;
  onDiscard: () => void;
}

/** The submit button with upload progress; the status line is announced, the percentage is not (it would chatter). */
export default function SubmitArea({ model, note, draftSaved, onDiscard }: Props) {
  const submitting = model.status.value === 'submitting';
  const progress = model.progress.value;
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const attempts = model.attempts.value;
  return (
    <div class="submit-area">
      <p class="form-hint">提交即表示您反映的情况据您所知属实。故意捏造事实诬告陷害他人的，依法承担法律责任。</p>
      {submitting && (
        <div class="upload-progress">
          <p role="status">正在提交举报{attempts > 1 ? `（网络不稳定，第 ${attempts} 次尝试）` : ''}，请不要关闭页面…</p>
          <progress max={100} value={percent} aria-label="上传进度">
            {percent}%
          </progress>
          <span aria-hidden="true"> {percent}%</span>
        </div>
      )}
      <button type="submit" class="button" aria-disabled={submitting ? 'true' : undefined}>
        提交举报
      </button>
      <p class="form-hint draft-note" role="status" tabIndex={-1} id="report-draft-note">
        {note}
      </p>
      {draftSaved && !submitting && <DiscardDraft idPrefix="report-submit" onDiscard={onDiscard} />}
    </div>
  );
}
