import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createReportFormModel, type CategoryChoice, type FormField } from './report/report-form-model.ts';
import { sendReport } from './report/send-report.ts';
import { fieldId } from './report/field-ids.ts';
import { usePhotoIntake } from './report/use-photo-intake.ts';
import { useReportDraft } from './report/use-report-draft.ts';
import type { BaseMapConfig } from '../lib/base-maps.ts';
import ErrorSummary from './ErrorSummary.tsx';
import CategoryField from './report/CategoryField.tsx';
import DescriptionField from './report/DescriptionField.tsx';
import LocationFields from './report/LocationFields.tsx';
import PhotoField from './report/PhotoField.tsx';
import IdentityFields from './report/IdentityFields.tsx';
import TextInput from './report/TextInput.tsx';
import ReportReceipt, { receiptDisplay } from './report/ReportReceipt.tsx';
import SubmitArea from './report/SubmitArea.tsx';
import DiscardDraft from './report/DiscardDraft.tsx';

interface Props {
  categories: CategoryChoice[];
  /** The report map's base maps; none draws the county outlines alone. */
  baseMaps: BaseMapConfig[];
  /** The authority's area (示范市) and the hotline for reports from elsewhere. */
  regionName: string;
  hotline: string;
}

/**
 * The report form. Rendered to HTML at build time it is a plain multipart form
 * posting to /api/reports; hydrated it adds the map, photo previews and
 * downscaling, a draft kept in IndexedDB, checks before sending, and retries.
 */
export default function ReportForm({ categories, baseMaps, regionName, hotline }: Props) {
  const model = useMemo(() => createReportFormModel({ send: sendReport, categories }), []);
  const [hydrated, setHydrated] = useState(false);
  const [draftCleared, setDraftCleared] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const photos = usePhotoIntake(model);
  const draft = useReportDraft(model, photos.addFiles);
  const firstCategory = categories.find((c) => c.inScope)?.code ?? '';

  async function send() {
    await photos.ready();
    await model.submit();
    // A photo cut off on its way (the server checks that each decodes to the end) is read again from its file and sent once more.
    const incomplete = model.status.value === 'failed' ? model.incompletePhotoIds() : [];
    if (incomplete.length > 0 && (await photos.reread(incomplete))) await model.submit();
    // The draft goes before the receipt shows, so a tab closed on the receipt does not bring the report back.
    if (model.status.value === 'sent') await draft.discard().then(() => setDraftCleared(true));
    // After the error summary has rendered.
    else if (model.status.value === 'failed') setTimeout(() => summaryRef.current?.focus(), 0);
  }

  useEffect(() => {
    setHydrated(true);
    // A report that failed for want of a network goes as soon as the network is back.
    const online = () => {
      if (model.status.value === 'failed' && model.failure.value?.kind === 'network') void send();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  function startOver() {
    setDraftCleared(false);
    model.startNew();
    photos.dismissSuggestion();
    void draft.discard();
  }

  /** The reporter's "discard draft": everything typed and chosen goes, here and on this device. */
  function discardDraft() {
    startOver();
    setDiscarded(true);
    // The control that was pressed is gone: the status line that says what happened takes focus.
    setTimeout(() => document.getElementById('report-draft-note')?.focus(), 0);
  }

  const status = model.status.value;
  const errors = model.errors.value;
  const failure = model.failure.value;
  const receipt = model.receipt.value;
  if (status === 'sent' && receipt && draftCleared) return <ReportReceipt display={receiptDisplay(receipt)} onNew={startOver} focus />;

  return (
    <form
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
      {draft.restored && (
        <div class="notice">
          <p>已恢复您上次没有提交的内容（保存在本机浏览器中）。不是您的，或者不想再提交，可以删除草稿。</p>
          <DiscardDraft idPrefix="report-restored" onDiscard={discardDraft} />
        </div>
      )}
      {status === 'failed' && errors.length > 0 && (
        <ErrorSummary
          title={failure?.kind === 'rate-limited' ? failure.message : '请修改以下问题'}
          errors={errors}
          targetOf={(field) => (field === 'category' ? `report-category-${firstCategory}` : field ? fieldId(field as FormField) : undefined)}
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
      <LocationFields model={model} hydrated={hydrated} baseMaps={baseMaps} regionName={regionName} hotline={hotline} />
      <TextInput
        model={model}
        name="startedOn"
        label="大约从什么时候开始"
        heading
        type="month"
        hint="选择年份和月份，不确定可以不填。如果无法选择，请按“2026-05”的格式填写。"
        pattern="\d{4}-\d{2}(-\d{2})?"
      />
      <PhotoField
        model={model}
        hydrated={hydrated}
        processing={photos.processing}
        notice={photos.notice}
        onFiles={photos.addFiles}
        suggestion={photos.suggestion}
        regionName={regionName}
        hotline={hotline}
        onUseSuggestion={(p) => model.setLocation(p.lat, p.lng)}
        onSuggestionDone={photos.dismissSuggestion}
      />
      <IdentityFields model={model} hydrated={hydrated} />
      {/* Honeypot: display:none hides it from people and from assistive technology; bots that fill every field give themselves away. */}
      <div class="hp">
        <label for="report-website">网站（请勿填写此项）</label>
        <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={model.fields.value.website} onInput={(e) => model.setField('website', e.currentTarget.value)} />
      </div>
      {/* Filled in by the server for each copy of the form: the no-script form's retry key (api/domain/form-token.ts). */}
      <input type="hidden" name="formToken" value="" />
      <SubmitArea
        model={model}
        note={!hydrated ? '' : discarded && !draft.saved ? '草稿已删除，表单已清空。' : draft.note}
        draftSaved={hydrated && draft.saved}
        onDiscard={discardDraft}
      />
    </form>
  );
}
