// Authenticated encryption of small secrets at rest (the SMTP password): AES-256-GCM with a
// fresh 96-bit nonce per value. A tampered value or a wrong key fails to open, never decrypts
// to garbage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../config/config.js';

const VERSION = 'v1';

export interface SecretBox {
  seal(plaintext: string): string;
  /** Throws when the value was tampered with or sealed under another key. */
  open(sealed: string): string;
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes (AES-256)');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64'), tag.toString('base64'), data.toString('base64')].join(
        ':',
      );
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) {
        throw new Error('not a sealed secret');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([
          decipher.update(Buffer.from(data, 'base64')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new ConfigError(
          'cannot decrypt a stored secret: the key changed (TACTFUL_SECRET_KEY or secret.key)',
        );
      }
    },
  };
}
