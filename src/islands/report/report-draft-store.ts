import { EMPTY_FIELDS, withoutIdentity, type DraftPhoto, type ReportDraft } from './report-form-model.ts';

// IndexedDB holds Blobs, so a draft keeps its photos as well as its text through
// a closed tab or a dropped connection. One draft per browser: a shared phone
// shows the last unsent report, which is what its owner expects; its name and
// contacts only when the reporter asked to remember them on this device.

const DB_NAME = 'report-draft';
const STORE = 'drafts';
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function saveDraft(draft: ReportDraft): Promise<void> {
  await run('readwrite', (store) => store.put({ ...draft, savedAt: Date.now() }, KEY));
}

export async function clearDraft(): Promise<void> {
  await run('readwrite', (store) => store.delete(KEY));
}

/** The saved draft, or undefined when there is none or it is not one of ours. */
export async function loadDraft(): Promise<ReportDraft | undefined> {
  const stored: unknown = await run('readonly', (store) => store.get(KEY));
  return asDraft(stored);
}

function asDraft(value: unknown): ReportDraft | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<ReportDraft>;
  if (typeof v.idempotencyKey !== 'string' || typeof v.fields !== 'object' || v.fields === null) return undefined;
  const fields = { ...EMPTY_FIELDS };
  for (const key of Object.keys(EMPTY_FIELDS) as (keyof typeof EMPTY_FIELDS)[]) {
    const stored = (v.fields as unknown as Record<string, unknown>)[key];
    if (typeof stored === typeof EMPTY_FIELDS[key]) (fields as Record<string, unknown>)[key] = stored;
  }
  const photos = Array.isArray(v.photos) ? v.photos.filter((p): p is DraftPhoto => typeof p?.id === 'string' && p.blob instanceof Blob) : [];
  // A draft saved without the choice (or by an older version of the form) keeps no identity.
  const rememberIdentity = v.rememberIdentity === true;
  return { fields: rememberIdentity ? fields : withoutIdentity(fields), photos, idempotencyKey: v.idempotencyKey, rememberIdentity };
}

/** True when the draft holds anything the reporter typed or chose. */
export function draftHasContent(draft: Pick<ReportDraft, 'fields' | 'photos'>): boolean {
  const { website: _honeypot, ...fields } = draft.fields;
  return draft.photos.length > 0 || Object.values(fields).some((value) => value !== '' && value !== false);
}
