import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { KeyPurpose, KeyRing, MasterKey } from '../domain/keys.ts';
export type { KeyPurpose, KeyRing, MasterKey };

export const CURRENT_KEY_FILE = 'reporter.key';
export const RETIRED_DIR = 'retired';

export function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`Expected ${source} to hold 32 bytes as 64 hex digits or base64; got ${key.length} bytes.`);
  return key;
}

const INFO: Record<KeyPurpose, string> = {
  contact: 'zhifa report contact v1',
  photo: 'zhifa photo original v1',
  secret: 'zhifa tracking secret v1',
  timeline: 'zhifa timeline event v1',
  anchor: 'zhifa timeline anchor v1',
  form: 'zhifa form token v1',
  log: 'zhifa log pseudonym v1',
  office: 'zhifa office link v1',
  reporter: 'zhifa reporter addition v1',
};

export function masterKey(master: Buffer): MasterKey {
  const derived = new Map<KeyPurpose, Buffer>();
  return {
    id: createHash('sha256').update(master).digest('hex').slice(0, 12),
    key(purpose) {
      let key = derived.get(purpose);
      if (!key) {
        key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), INFO[purpose], 32));
        derived.set(purpose, key);
      }
      return key;
    },
  };
}

/** Writes a new random master key file (mode 0600); 'wx' leaves one another process wrote meanwhile. */
export function writeNewKeyFile(file: string): void {
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function readRetired(dir: string): MasterKey[] {
  const retired = join(dir, RETIRED_DIR);
  if (!existsSync(retired)) return [];
  return readdirSync(retired)
    .filter((name) => name.endsWith('.key'))
    .map((name) => masterKey(parseKey(readFileSync(join(retired, name), 'utf8'), join(retired, name))));
}

/**
 * Reads the keys from SECRETS_DIR (the current `reporter.key` and `retired/*.key`),
 * generating the current one on first start, or takes the current key from
 * REPORTER_KEY. A key file left by an older layout at DATA_DIR/secrets is
 * moved into SECRETS_DIR when that is elsewhere. Keys are never logged.
 */
export function loadKeyRing(secretsDir: string, envKey: string | undefined, legacyDir?: string): KeyRing {
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  chmodSync(secretsDir, 0o700);
  const file = join(secretsDir, CURRENT_KEY_FILE);
  if (legacyDir && legacyDir !== secretsDir && !existsSync(file) && existsSync(join(legacyDir, CURRENT_KEY_FILE))) {
    renameSync(join(legacyDir, CURRENT_KEY_FILE), file);
  }
  let current: MasterKey;
  if (envKey) {
    current = masterKey(parseKey(envKey, 'REPORTER_KEY'));
  } else {
    if (!existsSync(file)) writeNewKeyFile(file);
    chmodSync(file, 0o600);
    current = masterKey(parseKey(readFileSync(file, 'utf8'), file));
  }
  const all = new Map<string, MasterKey>([[current.id, current]]);
  for (const key of readRetired(secretsDir)) if (!all.has(key.id)) all.set(key.id, key);
  return { current, byId: (id) => all.get(id), all: () => [...all.values()], dir: envKey ? undefined : secretsDir };
}
