import { useEffect, useState } from 'preact/hooks';
import { REPORT_LIMITS } from '../../../api/domain/report-input.ts';
import type { DraftPhoto, ReportFormModel } from './report-form-model.ts';
import { describedBy } from './field-ids.ts';
import FieldError from './FieldError.tsx';
import PhotoLocationOffer from './PhotoLocationOffer.tsx';
import type { GpsSuggestion } from './use-photo-intake.ts';

interface Props {
  model: ReportFormModel;
  hydrated: boolean;
  /** Photos being read and downscaled. */
  processing: number;
  notice: string;
  onFiles: (files: File[]) => void;
  /** A position read from a photo, offered here until used or declined. */
  suggestion: GpsSuggestion | undefined;
  regionName: string;
  hotline: string;
  onUseSuggestion: (suggestion: GpsSuggestion) => void;
  onSuggestionDone: () => void;
}

function Preview({ photo, index, onRemove }: { photo: DraftPhoto; index: number; onRemove: () => void }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(photo.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo.blob]);
  return (
    <li class="photo">
      {url && <img src={url} alt={`第 ${index + 1} 张照片的预览`} />}
      <span class="photo-meta">
        {photo.name}（{Math.max(1, Math.round(photo.blob.size / 1024))} KB）
      </span>
      <button type="button" class="button secondary" onClick={onRemove}>
        删除<span class="visually-hidden">第 {index + 1} 张照片</span>
      </button>
    </li>
  );
}

export default function PhotoField({ model, hydrated, processing, notice, onFiles, suggestion, regionName, hotline, onUseSuggestion, onSuggestionDone }: Props) {
  const error = model.errorFor('photos');
  const photos = model.photos.value;
  const full = photos.length >= REPORT_LIMITS.maxPhotos;
  return (
    <div class="form-field">
      <h2 class="label-heading">
        <label for="report-photos">照片</label>
      </h2>
      <p class="form-hint" id="report-photos-hint">
        可选，最多 {REPORT_LIMITS.maxPhotos} 张，JPEG、PNG 或 WebP 格式。拍下现场全貌和细节（如机械、车辆、标牌）更便于核查。
        {hydrated && ' 上传前会在本机把照片缩小到长边不超过 2048 像素以节省流量；照片里的拍摄位置等信息不会随照片上传。'}
      </p>
      <FieldError id="report-photos-error" message={error} />
      <input
        id="report-photos"
        name="photos"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp"
        class={error ? 'invalid' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy('report-photos-hint', error && 'report-photos-error')}
        onChange={(e) => {
          const input = e.currentTarget;
          onFiles([...(input.files ?? [])]);
          // The island uploads the photos itself; the input only picks them.
          input.value = '';
        }}
      />
      {hydrated && (
        <p role="status" class="form-hint">
          {processing > 0 ? `正在处理 ${processing} 张照片…` : notice}
          {full && processing === 0 ? ` 已达到 ${REPORT_LIMITS.maxPhotos} 张的上限。` : ''}
        </p>
      )}
      {hydrated && (
        <PhotoLocationOffer
          suggestion={suggestion}
          regionName={regionName}
          hotline={hotline}
          onAccept={(chosen) => {
            onUseSuggestion(chosen);
            onSuggestionDone();
            // The offer's buttons go away: focus stays at the photo field rather than falling to the page.
            document.getElementById('report-photos')?.focus();
          }}
          onDecline={() => {
            onSuggestionDone();
            document.getElementById('report-photos')?.focus();
          }}
        />
      )}
      {photos.length > 0 && (
        <ul class="photo-list">
          {photos.map((photo, index) => (
            <Preview key={photo.id} photo={photo} index={index} onRemove={() => model.removePhoto(photo.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}
