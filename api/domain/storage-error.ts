import { IntakeError } from './intake-error.ts';

/** A failed write as the reporter should hear it: 507 for a full disk, 500 otherwise, details kept for the log. */
export function storageError(cause: unknown): IntakeError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const full = code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
  const error = new IntakeError(full ? 'storage-full' : 'storage-failed', [
    {
      field: '',
      code: full ? 'storage_full' : 'storage_failed',
      message: full ? '服务器存储空间不足，举报未能保存，请稍后重试或拨打 12336。' : '服务器未能保存举报，请稍后重试或拨打 12336。',
    },
  ]);
  error.cause = cause;
  return error;
}
