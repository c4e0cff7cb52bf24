import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { IntakeError, fieldError } from '../domain/intake-error.ts';
import { REPORT_LIMITS } from '../domain/report-input.ts';
import type { DiskReservation } from '../infra/disk-guard.ts';
import type { ReceivedPhoto } from '../domain/photos.ts';
import { boundaryOf, partHeaderCheck } from './part-header-check.ts';

/** Bounds on one request body, checked while it streams. */
export interface BodyLimits {
  /** Text fields per request (a form has about fifteen). */
  fields: number;
  /** Bytes per text field. */
  fieldBytes: number;
  photos: number;
  photoBytes: number;
  /** The whole body. */
  bodyBytes: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  fields: 40,
  fieldBytes: 16 * 1024,
  photos: REPORT_LIMITS.maxPhotos,
  photoBytes: REPORT_LIMITS.photoMaxBytes,
  bodyBytes: REPORT_LIMITS.maxPhotos * REPORT_LIMITS.photoMaxBytes + 1024 * 1024,
};

/** Where uploaded photos go as they stream in (the photo store's receiving side). */
export interface PhotoReceiver {
  receive(stream: import('node:stream').Readable, truncated: () => boolean, field: string, disk?: DiskReservation): Promise<ReceivedPhoto | undefined>;
  discard(paths: readonly string[]): Promise<void>;
}

/** A body read in full: text fields and photos waiting in temp files. */
export interface ParsedBody {
  /** The first value of each text field. */
  fields: Record<string, string>;
  /** Every value of each text field, for the few that repeat (checkboxes). */
  all: Record<string, string[]>;
  photos: ReceivedPhoto[];
}

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

function tooLarge(field: string, code: string, message: string): IntakeError {
  return fieldError('too-large', field, code, message);
}

/**
 * Streams a form body through busboy: text fields are kept (bounded), photos go
 * to temp files as they arrive, and the first limit crossed ends the parse at
 * once, before the rest is read. The first value of a repeated text field wins.
 */
export function parseSubmission(
  req: IncomingMessage,
  photoStore: PhotoReceiver,
  limits: BodyLimits = DEFAULT_BODY_LIMITS,
  disk?: DiskReservation,
  /** Cut the upload when no byte arrives for this long (a slow upload that is alive is never cut). */
  idleMs?: number,
): Promise<ParsedBody> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(type)) {
    return Promise.reject(
      fieldError('unsupported-type', '', 'unsupported_content_type', '请以 multipart/form-data 或 application/x-www-form-urlencoded 提交表单'),
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.bodyBytes) {
    return Promise.reject(tooLarge('', 'body_too_large', `提交的内容过大（上限 ${Math.floor(limits.bodyBytes / 1024 / 1024)} MB）`));
  }

  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const all: Record<string, string[]> = {};
    // Slots in the order the files arrived; they finish streaming in any order.
    const slots: (ReceivedPhoto | undefined)[] = [];
    const photos = { map: <T>(f: (p: ReceivedPhoto) => T): T[] => slots.filter((p) => p !== undefined).map(f) };
    const pending: Promise<void>[] = [];
    const tempPaths: string[] = [];
    let failed: IntakeError | undefined;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          fields: limits.fields,
          fieldSize: limits.fieldBytes,
          fieldNameSize: 100,
          files: limits.photos,
          fileSize: limits.photoBytes,
          parts: limits.fields + limits.photos,
          headerPairs: 20,
        },
      });
    } catch {
      reject(fieldError('malformed', '', 'malformed_body', '表单格式不正确（缺少 multipart boundary）'));
      return;
    }

    // The first fault answers at once; the parse stops reading, and the photos
    // already received (or cut off) are removed once their streams have settled.
    const boundary = type === 'multipart/form-data' ? boundaryOf(req.headers['content-type'] ?? '') : undefined;
    const check = boundary
      ? partHeaderCheck(boundary, () =>
          fail(fieldError('malformed', '', 'malformed_part', '表单中有一部分缺少 Content-Disposition 标头或标头无效（须为 form-data 并带有 name），无法读取')),
        )
      : undefined;
    const fail = (error: IntakeError) => {
      if (failed) return;
      failed = error;
      req.unpipe(check ?? parser);
      check?.unpipe(parser);
      parser.destroy(new Error(error.message));
      reject(error);
      void Promise.allSettled(pending).then(() => photoStore.discard([...tempPaths, ...photos.map((p) => p.tempPath)]));
    };

    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.bodyBytes) fail(tooLarge('', 'body_too_large', '提交的内容过大'));
    });
    req.on('aborted', () => fail(fieldError('malformed', '', 'aborted', '上传中断')));
    if (idleMs) {
      // The socket's inactivity timer: reset by every byte, so only a stalled upload ends here.
      req.setTimeout(idleMs, () => {
        fail(fieldError('malformed', '', 'idle_timeout', `上传中断：${Math.round(idleMs / 1000)} 秒内没有收到数据`));
        req.socket.destroy();
      });
    }

    parser.on('field', (name, value, info) => {
      if (failed) return;
      if (info.valueTruncated) return fail(tooLarge(name, 'field_too_large', `“${name}”一栏内容过长`));
      if (info.nameTruncated) return fail(fieldError('malformed', '', 'malformed_body', '字段名过长'));
      if (!(name in fields)) fields[name] = value;
      (all[name] ??= []).push(value);
    });
    parser.on('file', (name, stream, info) => {
      if (failed || name !== 'photos') {
        // Destroying the parser destroys this stream with the parse error; a
        // stream nobody listens to would throw it and end the process.
        stream.on('error', () => {});
        stream.resume();
        if (!failed && name !== 'photos') fail(fieldError('malformed', name, 'unexpected_file', `只有“photos”一栏可以上传文件`));
        return;
      }
      // A browser sends an empty part for a file input left empty; that is no photo.
      const slot = slots.length;
      slots.push(undefined);
      const task = photoStore
        .receive(stream, () => (stream as { truncated?: boolean }).truncated === true, 'photos', disk)
        .then(
          (photo) => {
            if (photo === undefined && info.filename) fail(fieldError('invalid', 'photos', 'empty_file', `照片“${info.filename.slice(0, 80)}”是空文件`));
            else if (photo) {
              if (failed) tempPaths.push(photo.tempPath);
              else slots[slot] = photo;
            }
          },
          (error: unknown) => fail(error instanceof IntakeError ? error : fieldError('malformed', 'photos', 'upload_failed', '照片上传失败')),
        );
      pending.push(task);
    });
    parser.on('fieldsLimit', () => fail(tooLarge('', 'too_many_fields', `字段过多（最多 ${limits.fields} 个）`)));
    parser.on('filesLimit', () => fail(tooLarge('photos', 'too_many_photos', `最多上传 ${limits.photos} 张照片`)));
    parser.on('partsLimit', () => fail(tooLarge('', 'too_many_parts', '表单内容过多')));
    parser.on('error', () => fail(fieldError('malformed', '', 'malformed_body', '表单格式不正确，无法读取')));
    parser.on('close', () => {
      // The body is in: what follows (checking the photos) may take a while without any byte moving.
      if (idleMs) req.setTimeout(0);
      void Promise.allSettled(pending).then(() => {
        if (failed) return;
        resolve({ fields, all, photos: slots.filter((p) => p !== undefined) });
      });
    });
    if (check) req.pipe(check).pipe(parser);
    else req.pipe(parser);
  });
}
