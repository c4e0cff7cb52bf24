import type { FieldError } from './report-input.ts';

/**
 * Why a submission or a lookup was refused. The HTTP layer maps each kind to a
 * status (invalid 422, malformed 400, too-large 413, unsupported-type 415,
 * forbidden 403, rate-limited 429, not-found 404, storage 500/507).
 */
export type IntakeErrorKind =
  | 'invalid'
  | 'malformed'
  | 'too-large'
  | 'unsupported-type'
  | 'forbidden'
  | 'rate-limited'
  | 'not-found'
  | 'storage-full'
  | 'storage-failed';

export class IntakeError extends Error {
  readonly kind: IntakeErrorKind;
  readonly errors: FieldError[];
  /** Seconds to wait, for rate-limited answers. */
  readonly retryAfter: number | undefined;
  constructor(kind: IntakeErrorKind, errors: FieldError[], retryAfter?: number) {
    super(errors.map((e) => `${e.field || '(request)'}: ${e.message}`).join('; '));
    this.name = 'IntakeError';
    this.kind = kind;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

/** Shorthand for an error about one field. */
export function fieldError(kind: IntakeErrorKind, field: string, code: string, message: string): IntakeError {
  return new IntakeError(kind, [{ field, code, message }]);
}
