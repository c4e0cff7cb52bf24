// The service's keys as the use cases see them (infra/key-ring.ts loads them).

/**
 * What each key derived from a master key is for. One master key, many
 * purposes: a key used for one never serves another (HKDF with the purpose as info).
 */
export type KeyPurpose =
  /** AES-256-GCM of the reporter's contact. */
  | 'contact'
  /** AES-256-GCM of original photos and their EXIF readings. */
  | 'photo'
  /** HMAC from which a retried submission's secret and key lookup are derived. */
  | 'secret'
  /** HMAC of each timeline event (执法全过程记录). */
  | 'timeline'
  /** HMAC of each line of the timeline's anchor file. */
  | 'anchor'
  /** HMAC of the tokens the no-script report form carries. */
  | 'form'
  /** HMAC turning a client address into a pseudonym for the security log. */
  | 'log'
  /** HMAC of office links, one sub-key per office and version (office-token.ts). */
  | 'office'
  /** HMAC of the tokens that let a reporter add information to their lead. */
  | 'reporter';

/** One master key: its short public id and the keys derived from it. */
export interface MasterKey {
  id: string;
  key(purpose: KeyPurpose): Buffer;
}

/**
 * The current master key (new data is sealed and signed with it) and the
 * retired ones (older data is still opened and verified with them).
 */
export interface KeyRing {
  current: MasterKey;
  byId(id: string): MasterKey | undefined;
  /** Every key, the current one first. */
  all(): MasterKey[];
  /** Where the keys live, or undefined when the current key came from REPORTER_KEY. */
  dir: string | undefined;
}
