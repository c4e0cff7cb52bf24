import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { effect } from '@preact/signals';
import { REPORT_LIMITS } from '../../api/domain/report-input.ts';
import { createReportFormModel, randomKey, type CategoryChoice, type FormField, type ReportFields } from './report/report-form-model.ts';
import { sendReport } from './report/send-report.ts';
import { clearDraft, draftHasContent, loadDraft, saveDraft } from './report/report-draft-store.ts';
import { preparePhoto } from './report/prepare-photo.ts';
import { fieldId } from './report/field-ids.ts';
import type { LatLng } from './report/parse-coordinates.ts';
import type { TileConfig } from './report/ReportMap.tsx';
import ErrorSummary from './ErrorSummary.tsx';
import CategoryField from './report/CategoryField.tsx';
import DescriptionField from './report/DescriptionField.tsx';
import LocationFields from './report/LocationFields.tsx';
import PhotoField from './report/PhotoField.tsx';
import IdentityFields from './report/IdentityFields.tsx';
import TextInput from './report/TextInput.tsx';
import ReportReceipt from './report/ReportReceipt.tsx';

interface Props {
  categories: CategoryChoice[];
  tiles: TileConfig;
}

const TEXT_KEYS = ['category', 'description', 'lat', 'lng', 'address', 'startedOn', 'name', 'phone', 'email', 'outlet'] as const;

/** What someone typed into the plain form before the script arrived, so hydration does not wipe it. */
function typedBeforeHydration(form: HTMLFormElement | null): Partial<ReportFields> | undefined {
  if (!form) return undefined;
  const data = new FormData(form);
  const typed: Partial<ReportFields> = {};
  for (const key of TEXT_KEYS) {
    const value = data.get(key);
    if (typeof value === 'string' && value.trim() !== '') typed[key] = value;
  }
  if (data.get('contactConsent') === 'yes') typed.contactConsent = true;
  if (data.get('journalist') === 'yes') typed.journalist = true;
  return Object.keys(typed).length > 0 ? typed : undefined;
}

/**
 * The report form. Rendered to HTML at build time it is a plain multipart form
 * posting to /api/reports; hydrated it adds the map, photo previews and
 * downscaling, a draft kept in IndexedDB, checks before sending, and retries.
 */
export default function ReportForm({ categories, tiles }: Props) {
  const model = useMemo(() => createReportFormModel({ send: sendReport, categories }), []);
  const [hydrated, setHydrated] = useState(false);
  const [restored, setRestored] = useState(false);
  const [draftNote, setDraftNote] = useState('');
  const [processing, setProcessing] = useState(0);
  const processingCount = useRef(0);
  const [photoNotice, setPhotoNotice] = useState('');
  const [suggestion, setSuggestion] = useState<(LatLng & { photoName: string }) | undefined>(undefined);
  const pending = useRef<Promise<unknown>>(Promise.resolve());
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const status = model.status.value;
  const errors = model.errors.value;
  const failure = model.failure.value;
  const firstCategory = categories.find((c) => c.inScope)?.code ?? '';

  useEffect(() => {
    setHydrated(true);
    let stopSaving = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const typed = typedBeforeHydration(formRef.current);
    const chosenFiles = [...(formRef.current?.querySelector<HTMLInputElement>('input[type=file]')?.files ?? [])];
    void (async () => {
      if (typed) {
        for (const [key, value] of Object.entries(typed)) model.setField(key as keyof ReportFields, value as never);
      } else {
        try {
          const draft = await loadDraft();
          if (draft && draftHasContent(draft)) {
            model.restoreDraft(draft);
            setRestored(true);
          }
        } catch {
          setDraftNote('此浏览器不能在本机保存草稿（可能处于无痕模式），请一次填完并提交。');
        }
      }
      if (chosenFiles.length > 0) handleFiles(chosenFiles);
      stopSaving = effect(() => {
        const draft = model.toDraft();
        if (model.status.value === 'sent') return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const save = draftHasContent(draft) ? saveDraft(draft) : clearDraft();
          save.then(
            () => setDraftNote(draftHasContent(draft) ? '已自动保存草稿到本机浏览器，关闭页面或断网也不会丢失。' : ''),
            () => setDraftNote('此浏览器不能在本机保存草稿（可能处于无痕模式），请一次填完并提交。'),
          );
        }, 400);
      });
    })();
    // A report that failed for want of a network goes as soon as the network is back.
    const online = () => {
      if (model.status.value === 'failed' && model.failure.value?.kind === 'network') void send();
    };
    window.addEventListener('online', online);
    return () => {
      stopSaving();
      clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, []);

  function handleFiles(files: File[]) {
    const room = Math.max(0, REPORT_LIMITS.maxPhotos - model.photos.value.length - processingCount.current);
    const accepted = files.slice(0, room);
    const skipped = files.length - accepted.length;
    setPhotoNotice(skipped > 0 ? `最多 ${REPORT_LIMITS.maxPhotos} 张照片，另外 ${skipped} 张没有添加。` : `已添加 ${accepted.length} 张照片。`);
    processingCount.current += accepted.length;
    setProcessing(processingCount.current);
    const job = Promise.all(
      accepted.map(async (file) => {
        try {
          const prepared = await preparePhoto(file, randomKey());
          model.addPhotos([prepared.photo]);
          const { lat, lng } = model.fields.value;
          if (prepared.gps && !(lat === String(prepared.gps.lat) && lng === String(prepared.gps.lng))) setSuggestion({ ...prepared.gps, photoName: file.name });
        } finally {
          processingCount.current -= 1;
          setProcessing(processingCount.current);
        }
      }),
    );
    pending.current = Promise.all([pending.current, job]).catch(() => undefined);
  }

  async function send() {
    await pending.current;
    await model.submit();
    if (model.status.value === 'sent') {
      clearDraft().catch(() => undefined);
    } else if (model.status.value === 'failed') {
      // After the error summary has rendered.
      setTimeout(() => summaryRef.current?.focus(), 0);
    }
  }

  function targetOf(field: string): string | undefined {
    if (field === 'category') return `report-category-${firstCategory}`;
    return field ? fieldId(field as FormField) : undefined;
  }

  function discardDraft() {
    model.startNew();
    setRestored(false);
    setSuggestion(undefined);
    clearDraft().catch(() => undefined);
  }

  const receipt = model.receipt.value;
  if (status === 'sent' && receipt) {
    return (
      <ReportReceipt
        receipt={receipt}
        onNew={() => {
          model.startNew();
          setSuggestion(undefined);
          setRestored(false);
        }}
      />
    );
  }

  const progress = model.progress.value;
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <form
      ref={formRef}
      class="report-form"
      method="post"
      action="/api/reports"
      encType="multipart/form-data"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {restored && (
        <div class="notice">
          <p>已恢复您上次没有提交的内容（保存在本机浏览器中）。</p>
          <p>
            <button type="button" class="button secondary" onClick={discardDraft}>
              清空，重新填写
            </button>
          </p>
        </div>
      )}
      {status === 'failed' && errors.length > 0 && (
        <ErrorSummary
          title={failure?.kind === 'rate-limited' ? failure.message : '请修改以下问题'}
          errors={errors}
          targetOf={targetOf}
          summaryRef={summaryRef}
        />
      )}
      {status === 'failed' && errors.length === 0 && failure && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="report-failure-title">
          <h2 id="report-failure-title">举报还没有送达</h2>
          <p>{failure.message}</p>
          <p>
            <button type="submit" class="button">
              重新提交
            </button>
          </p>
        </div>
      )}
      <CategoryField model={model} categories={categories} />
      <DescriptionField model={model} hydrated={hydrated} />
      <LocationFields model={model} hydrated={hydrated} tiles={tiles} suggestion={suggestion} onSuggestionDone={() => setSuggestion(undefined)} />
      <TextInput
        model={model}
        name="startedOn"
        label="大约从什么时候开始"
        heading
        type="month"
        hint="选择年份和月份，不确定可以不填。如果无法选择，请按“2026-05”的格式填写。"
        pattern="\d{4}-\d{2}(-\d{2})?"
      />
      <PhotoField model={model} hydrated={hydrated} processing={processing} notice={photoNotice} onFiles={handleFiles} />
      <IdentityFields model={model} />
      <div class="hp">
        <label for="report-website">网站（请勿填写此项）</label>
        <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={model.fields.value.website} onInput={(e) => model.setField('website', e.currentTarget.value)} />
      </div>
      <div class="submit-area">
        <p class="form-hint">提交即表示您反映的情况据您所知属实。故意捏造事实诬告陷害他人的，依法承担法律责任。</p>
        {status === 'submitting' && (
          <div class="upload-progress">
            <p role="status">正在提交举报{model.attempts.value > 1 ? `（网络不稳定，第 ${model.attempts.value} 次尝试）` : ''}，请不要关闭页面…</p>
            <progress max={100} value={percent} aria-label="上传进度">
              {percent}%
            </progress>
            <span aria-hidden="true"> {percent}%</span>
          </div>
        )}
        <button type="submit" class="button" aria-disabled={status === 'submitting' ? 'true' : undefined}>
          提交举报
        </button>
        {hydrated && draftNote && <p class="form-hint">{draftNote}</p>}
      </div>
    </form>
  );
}
