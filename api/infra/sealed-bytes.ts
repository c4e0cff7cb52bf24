import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import type { KeyPurpose, KeyRing } from './key-ring.ts';

// Bytes at rest under AES-256-GCM, in one self-describing layout so any
// holder of the key ring can open them whichever master key sealed them:
//   magic "ZS1\n" | key id (12 ASCII) | IV (12) | ciphertext | tag (16)
// The tag comes last so a file can be sealed while it streams in.

const MAGIC = Buffer.from('ZS1\n');
const KEY_ID_BYTES = 12;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SEALED_HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES;
export const SEALED_OVERHEAD = SEALED_HEADER_BYTES + TAG_BYTES;

export class SealedBytesError extends Error {}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= SEALED_OVERHEAD && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

function header(keyId: string, iv: Buffer): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  if (id.length !== KEY_ID_BYTES) throw new SealedBytesError(`Expected a ${KEY_ID_BYTES}-character key id.`);
  return Buffer.concat([MAGIC, id, iv]);
}

/** Seals bytes in one go (small values: EXIF readings). */
export function sealBytes(keys: KeyRing, purpose: KeyPurpose, plain: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key(purpose), iv).setAAD(Buffer.from(aad));
  return Buffer.concat([header(keys.current.id, iv), cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** A stream that seals what passes through it: the header first, the tag at the end. */
export function sealingStream(keys: KeyRing, purpose: KeyPurpose, aad: string): Transform {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key(purpose), iv).setAAD(Buffer.from(aad));
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const out = cipher.update(chunk);
      if (!started) {
        started = true;
        return done(null, Buffer.concat([header(keys.current.id, iv), out]));
      }
      done(null, out);
    },
    flush(done) {
      const final = cipher.final();
      done(null, Buffer.concat([started ? Buffer.alloc(0) : header(keys.current.id, iv), final, cipher.getAuthTag()]));
    },
  });
}

/** The key id a sealed value names. */
export function sealedKeyId(sealed: Uint8Array): string {
  return Buffer.from(sealed.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES)).toString('ascii');
}

/** Opens sealed bytes with the key its header names; throws when it is unknown or the bytes were changed. */
export function openBytes(keys: KeyRing, purpose: KeyPurpose, sealed: Uint8Array, aad: string): Buffer {
  if (!isSealed(sealed)) throw new SealedBytesError('Expected sealed bytes (ZS1 header).');
  const keyId = sealedKeyId(sealed);
  const master = keys.byId(keyId);
  if (!master) throw new SealedBytesError(`Sealed with key ${keyId}, which is not in the key ring.`);
  const iv = sealed.subarray(MAGIC.length + KEY_ID_BYTES, SEALED_HEADER_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', master.key(purpose), iv).setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(SEALED_HEADER_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedBytesError('Sealed bytes do not open: changed, truncated or sealed for something else.');
  }
}
