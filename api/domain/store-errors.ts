/** A report with this retry key already exists (a simultaneous retry won). */
export class DuplicateIdempotencyKey extends Error {}
/** The tracking code drawn is taken; draw another. */
export class DuplicateTrackingCode extends Error {}
