import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys derived from the one master key (REPORTER_KEY or DATA_DIR/secrets/reporter.key). */
export interface ReporterKeys {
  /** Short public id of the master key, stored beside each ciphertext so a rotation can be told apart. */
  keyId: string;
  /** AES-256-GCM key for the reporters' contact details. */
  contactKey: Buffer;
  /** HMAC key from which a retried submission's secret is derived again (see submitReport). */
  secretKey: Buffer;
}

function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`Expected ${source} to hold 32 bytes as 64 hex digits or base64; got ${key.length} bytes.`);
  return key;
}

/**
 * Reads the master key from the environment, or from the data directory,
 * generating it there (mode 0600) on first start. It is never logged.
 */
export function loadReporterKeys(dataDir: string, envKey: string | undefined): ReporterKeys {
  let master: Buffer;
  if (envKey) {
    master = parseKey(envKey, 'REPORTER_KEY');
  } else {
    const dir = join(dataDir, 'secrets');
    const file = join(dir, 'reporter.key');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!existsSync(file)) {
      // 'wx' fails when another process created it meanwhile; the key then read is theirs.
      try {
        writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    chmodSync(file, 0o600);
    master = parseKey(readFileSync(file, 'utf8'), file);
  }
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return {
    keyId: createHash('sha256').update(master).digest('hex').slice(0, 12),
    contactKey: derive('zhifa report contact v1'),
    secretKey: derive('zhifa tracking secret v1'),
  };
}
