import { useEffect, useState } from 'preact/hooks';
import { effect } from '@preact/signals';
import type { ReportFields, ReportFormModel } from './report-form-model.ts';
import { clearDraft, draftHasContent, loadDraft, saveDraft } from './report-draft-store.ts';

const TEXT_KEYS = ['category', 'description', 'lat', 'lng', 'address', 'startedOn', 'name', 'phone', 'email', 'outlet'] as const;
const NO_STORAGE = '此浏览器不能在本机保存草稿（可能处于无痕模式），请一次填完并提交。';
const SAVED = '已自动保存草稿到本机浏览器，关闭页面或断网也不会丢失；您的姓名和联系方式不保存。';
const SAVED_WITH_IDENTITY = '已自动保存草稿到本机浏览器，包括您的姓名和联系方式，关闭页面或断网也不会丢失。';

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

// Read when this module loads, just before the island hydrates: hydration
// resets a textarea's value, so reading the form afterwards would be too late.
const formAtLoad = typeof document === 'undefined' ? null : document.querySelector<HTMLFormElement>('form.report-form');
const typedAtLoad = typedBeforeHydration(formAtLoad);
const filesAtLoad = [...(formAtLoad?.querySelector<HTMLInputElement>('input[type=file]')?.files ?? [])];

/**
 * Keeps the report in IndexedDB while it is written: restored on load (unless
 * the reporter already typed into the plain form), saved on every change,
 * cleared when empty. The form clears it after a 201.
 */
export function useReportDraft(model: ReportFormModel, addFiles: (files: File[]) => void) {
  const [restored, setRestored] = useState(false);
  const [note, setNote] = useState('');
  /** True while a draft with content is kept on this device. */
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const typed = typedAtLoad;
    const chosenFiles = filesAtLoad;
    let stopSaving = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    let queued: (() => void) | undefined;
    let active = true;
    void (async () => {
      if (typed) {
        for (const [key, value] of Object.entries(typed)) model.setField(key as keyof ReportFields, value as never);
      } else {
        try {
          const draft = await loadDraft();
          if (draft && draftHasContent(draft)) {
            model.restoreDraft(draft);
            setRestored(true);
            setSaved(true);
          }
        } catch {
          setNote(NO_STORAGE);
        }
      }
      if (!active) return;
      if (chosenFiles.length > 0) addFiles(chosenFiles);
      stopSaving = effect(() => {
        const draft = model.toDraft();
        if (model.status.value === 'sent') return;
        clearTimeout(timer);
        queued = () => {
          queued = undefined;
          // A 201 may have come in while this save waited: a sent report is not a draft.
          if (model.status.value === 'sent') return;
          const keep = draftHasContent(draft);
          (keep ? saveDraft(draft) : clearDraft()).then(
            () => {
              setSaved(keep);
              setNote(keep ? (draft.rememberIdentity ? SAVED_WITH_IDENTITY : SAVED) : '');
            },
            () => setNote(NO_STORAGE),
          );
        };
        timer = setTimeout(queued, 400);
      });
    })();
    // Typing is saved after a pause; a tab being closed or switched away saves at once.
    const flush = () => {
      clearTimeout(timer);
      queued?.();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      active = false;
      stopSaving();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
    };
  }, []);

  return {
    restored,
    note,
    saved,
    /** Forgets the draft: after a 201, or when the reporter starts over. */
    discard(): Promise<void> {
      setRestored(false);
      setSaved(false);
      return clearDraft().catch(() => undefined);
    },
  };
}
