// What goes over the wire: API answers compressed as negotiated (brotli, gzip, or not at all)
// with ETags so a reload with nothing changed is a 304; the built web assets sent from the
// .br/.gz files written at build time. Bytes are decompressed and compared, never assumed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocument } from '../../src/app/demo.js';
import { openTestApi, type TestApi } from './helpers.js';

const NOW = '2026-12-02T15:00:00Z';
const root = mkdtempSync(join(tmpdir(), 'tactful-web-'));
// A realistic bundle-sized asset: repetitive enough to compress, large enough to matter.
const SCRIPT = Array.from({ length: 2000 }, (_, i) => `export const v${i} = "value ${i}";`).join(
  '\n',
);
let api: TestApi;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><title>tactful</title>${'<!-- pad -->'.repeat(100)}`,
  );
  writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/precompress.js'), root]);
  api = await openTestApi('sqlite', NOW, { webRoot: root });
  const imported = await api.request('POST', '/api/import', demoDocument('2026-12-02'));
  expect(imported.statusCode).toBe(200);
}, 60_000);

afterAll(async () => {
  await api?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('API answers', () => {
  it('are compressed as the client asks, and decompress to the same JSON', async () => {
    const plain = await api.request('GET', '/api/plan', undefined, {
      'accept-encoding': 'identity',
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await api.request('GET', '/api/plan', undefined, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

    const gz = await api.request('GET', '/api/plan', undefined, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
  });

  it('below 1 KB are sent as they are', async () => {
    const health = await api.request('GET', '/api/health', undefined, { 'accept-encoding': 'br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body)).toEqual({ ok: true });
  });

  it('carry an ETag: unchanged → 304 without a body, changed → 200 with a new tag', async () => {
    const first = await api.request('GET', '/api/plan', undefined, { 'accept-encoding': 'br' });
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"/);
    const again = await api.request('GET', '/api/plan', undefined, { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // A minute later "now" has moved but no step changed: still a 304 (the tag is weak).
    api.clock.ms += 60_000;
    const minuteLater = await api.request('GET', '/api/plan', undefined, { 'if-none-match': tag });
    expect(minuteLater.statusCode).toBe(304);

    const settings = await api.json('GET', '/api/settings');
    const saved = await api.request('PUT', '/api/settings', { ...settings.body, activeTarget: 7 });
    expect(saved.statusCode).toBe(200);
    const changed = await api.request('GET', '/api/plan', undefined, { 'if-none-match': tag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
  });
});

describe('the built web app', () => {
  it('sends the precompressed asset for the encoding asked, and the raw file otherwise', async () => {
    const url = '/assets/index-abc123.js';
    const br = await api.request('GET', url, undefined, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.equals(readFileSync(join(root, 'assets', 'index-abc123.js.br')))).toBe(
      true,
    );
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await api.request('GET', url, undefined, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const raw = await api.request('GET', url, undefined, { 'accept-encoding': 'identity' });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body).toBe(SCRIPT);
  });

  it('sends index.html compressed too, never cached', async () => {
    const index = await api.request('GET', '/', undefined, { 'accept-encoding': 'br' });
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(index.rawPayload).toString()).toContain('<title>tactful</title>');
  });
});
