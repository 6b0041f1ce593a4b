// The secret box (AES-256-GCM) and where its key comes from.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretBox } from '../../src/secrets/secret-box.js';
import { loadSecretKey, SECRET_KEY_FILE } from '../../src/secrets/secret-key.js';
import { feedTokens } from '../../src/secrets/feed-token.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('secretBox', () => {
  const box = secretBox(randomBytes(32));

  it('round-trips, with a fresh nonce each time (same text, different ciphertexts)', () => {
    const a = box.seal('correct horse ✓');
    const b = box.seal('correct horse ✓');
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    expect(box.open(a)).toBe('correct horse ✓');
  });

  it('refuses a tampered value and another key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split(':');
    const data = Buffer.from(parts[3]!, 'base64');
    data[0] = data[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), data.toString('base64')].join(':'))).toThrow(
      /cannot decrypt/,
    );
    expect(() => secretBox(randomBytes(32)).open(sealed)).toThrow(/cannot decrypt/);
    expect(() => box.open('plain text')).toThrow(/not a sealed secret/);
  });

  it('needs a 32-byte key', () => {
    expect(() => secretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('loadSecretKey', () => {
  it('creates a 0600 key file on first use and reads the same key afterwards', () => {
    const dir = join(tempDir(), 'data');
    const key = loadSecretKey({}, dir);
    expect(key).toHaveLength(32);
    const file = join(dir, SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({}, dir).equals(key)).toBe(true);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
  });

  it('refuses a key file others can read', () => {
    const dir = tempDir();
    loadSecretKey({}, dir);
    chmodSync(join(dir, SECRET_KEY_FILE), 0o644);
    expect(() => loadSecretKey({}, dir)).toThrow(/chmod 600/);
  });

  it('takes TACTFUL_SECRET_KEY (base64 of 32 bytes) over the file, and names it when wrong', () => {
    const dir = tempDir();
    const raw = randomBytes(32);
    expect(loadSecretKey({ TACTFUL_SECRET_KEY: raw.toString('base64') }, dir).equals(raw)).toBe(
      true,
    );
    expect(() => statSync(join(dir, SECRET_KEY_FILE))).toThrow();
    expect(() =>
      loadSecretKey({ TACTFUL_SECRET_KEY: randomBytes(16).toString('base64') }, dir),
    ).toThrow(/TACTFUL_SECRET_KEY/);
    expect(() => loadSecretKey({ TACTFUL_SECRET_KEY: 'not base64 at all!' }, dir)).toThrow(
      /TACTFUL_SECRET_KEY/,
    );
  });
});

describe('feed tokens', () => {
  it('are 256 random bits, and stored as a SHA-256 that does not contain them', () => {
    const a = feedTokens.generate();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(feedTokens.generate()).not.toBe(a);
    expect(feedTokens.hash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokens.hash(a)).toBe(feedTokens.hash(a));
  });
});
