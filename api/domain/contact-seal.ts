import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A reporter's identity as given, never stored in clear. */
export interface ReporterContact {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  contactConsent: boolean;
  journalist: boolean;
  outlet?: string | undefined;
}

export interface SealedContact {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * AES-256-GCM with the tracking code as associated data: a ciphertext moved
 * to another report's row no longer opens.
 */
export function sealContact(contact: ReporterContact, key: Buffer, keyId: string, trackingCode: string): SealedContact {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(trackingCode));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
  return { keyId, iv, tag: cipher.getAuthTag(), ciphertext };
}

export function openContact(sealed: SealedContact, key: Buffer, trackingCode: string): ReporterContact {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(trackingCode));
  decipher.setAuthTag(sealed.tag);
  const text = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  return JSON.parse(text) as ReporterContact;
}

/** True when the reporter left anything that identifies them or asks to be contacted. */
export function hasContact(contact: ReporterContact): boolean {
  return Boolean(contact.name || contact.phone || contact.email || contact.outlet || contact.contactConsent || contact.journalist);
}
