import { useRef, useState } from 'preact/hooks';
import { REPORT_LIMITS } from '../../../api/domain/report-input.ts';
import { randomKey, type ReportFormModel } from './report-form-model.ts';
import { preparePhoto } from './prepare-photo.ts';
import type { LatLng } from './parse-coordinates.ts';

export type GpsSuggestion = LatLng & { photoName: string };

/** Takes chosen files into the model: downscaled, at most six, offering any EXIF position as a suggestion. */
export function usePhotoIntake(model: ReportFormModel) {
  const [processing, setProcessing] = useState(0);
  const processingCount = useRef(0);
  const [notice, setNotice] = useState('');
  const [suggestion, setSuggestion] = useState<GpsSuggestion | undefined>(undefined);
  /** Settles when every chosen photo is ready, so a submit never leaves one behind. */
  const ready = useRef<Promise<unknown>>(Promise.resolve());
  /** The file each photo was made from (this page only; a restored draft has none). */
  const sources = useRef(new Map<string, File>());

  function addFiles(files: File[]) {
    const room = Math.max(0, REPORT_LIMITS.maxPhotos - model.photos.value.length - processingCount.current);
    const accepted = files.slice(0, room);
    const skipped = files.length - accepted.length;
    setNotice(skipped > 0 ? `最多 ${REPORT_LIMITS.maxPhotos} 张照片，另外 ${skipped} 张没有添加。` : `已添加 ${accepted.length} 张照片。`);
    processingCount.current += accepted.length;
    setProcessing(processingCount.current);
    const refused: string[] = [];
    const job = Promise.all(
      accepted.map(async (file) => {
        try {
          const prepared = await preparePhoto(file, randomKey());
          if (!prepared) {
            refused.push(file.name);
            return;
          }
          sources.current.set(prepared.photo.id, file);
          model.addPhotos([prepared.photo]);
          const { lat, lng } = model.fields.value;
          const alreadyThere = prepared.gps && lat === String(prepared.gps.lat) && lng === String(prepared.gps.lng);
          if (prepared.gps && !alreadyThere) setSuggestion({ ...prepared.gps, photoName: file.name });
        } finally {
          processingCount.current -= 1;
          setProcessing(processingCount.current);
        }
      }),
    );
    void job.then(() => {
      if (refused.length > 0) {
        setNotice(`“${refused.join('”“')}”不是可以识别的照片，没有添加。请选择 JPEG、PNG 或 WebP 格式的照片。`);
      }
    });
    ready.current = Promise.all([ready.current, job]).catch(() => undefined);
  }

  /**
   * Reads photos again from the files they were chosen from, replacing what
   * was to be sent; true when every one could be (their files are still at hand).
   */
  async function reread(ids: readonly string[]): Promise<boolean> {
    let all = true;
    for (const id of ids) {
      const file = sources.current.get(id);
      const prepared = file ? await preparePhoto(file, id) : undefined;
      if (prepared) model.replacePhoto(id, prepared.photo.blob);
      else all = false;
    }
    return all;
  }

  return { processing, notice, suggestion, dismissSuggestion: () => setSuggestion(undefined), addFiles, reread, ready: () => ready.current };
}
