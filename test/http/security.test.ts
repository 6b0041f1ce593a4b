// DNS rebinding and CSRF defences, security headers, JSON only, body limits, no state change
// over GET, script payloads returned as data, and the built web app's static serving.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostChecker } from '../../src/http/security.js';
import { enc, openTestApi, type TestApi, importSampleAsOwn } from './helpers.js';

const NOW = '2026-11-23T15:00:00Z';
const XSS = '<img src=x onerror=alert(document.cookie)>';

describe('Host and Origin checks', () => {
  it('accepts loopback names on the served port and allow-listed names only', () => {
    const allowed = hostChecker({ port: 4870, allowedHosts: ['tactful.lan'] });
    for (const host of [
      'localhost:4870',
      '127.0.0.1:4870',
      '[::1]:4870',
      'LOCALHOST:4870',
      'tactful.lan:4870',
    ]) {
      expect(allowed(host), host).toBe(true);
    }
    for (const host of [
      undefined,
      '',
      'localhost',
      'localhost:4871',
      'evil.example:4870',
      'localhost.evil.example:4870',
      '127.0.0.1.nip.io:4870',
      'localhost:4870@evil',
      '127.0.0.2:4870',
    ]) {
      expect(allowed(host), String(host)).toBe(false);
    }
    // Port 80 is implied when absent.
    expect(hostChecker({ port: 80 })('localhost')).toBe(true);
  });
});

describe('HTTP security', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi('sqlite', NOW, { hostPolicy: { port: 4870 } });
    await importSampleAsOwn(api);
  }, 60_000);
  afterAll(async () => api?.close());

  it('refuses a foreign Host on every request (DNS rebinding) with 403', async () => {
    for (const [method, url] of [
      ['GET', '/api/plan'],
      ['GET', '/'],
      ['POST', '/api/import'],
      ['GET', '/api/export'],
    ] as const) {
      const res = await api.request(method, url, undefined, { host: 'attacker.example:4870' });
      expect(res.statusCode, url).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'forbidden_host' });
    }
    expect(
      (await api.request('GET', '/api/plan', undefined, { host: 'localhost:9999' })).statusCode,
    ).toBe(403);
  });

  it('refuses a foreign Origin on state-changing requests, and changes nothing', async () => {
    const before = await api.snapshot();
    const attempts: [string, string, Record<string, string>][] = [
      ['POST', '/api/contacts', { origin: 'https://evil.example' }],
      ['PUT', '/api/settings', { origin: 'http://localhost:5173' }],
      ['PATCH', '/api/applications/northwind', { origin: 'null' }],
      ['POST', '/api/contacts', { 'sec-fetch-site': 'cross-site' }],
    ];
    for (const [method, url, headers] of attempts) {
      const res = await api.request(method as 'POST', url, { name: 'Mallory' }, headers);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(JSON.parse(res.body).code).toBe('forbidden_origin');
    }
    expect(await api.snapshot()).toBe(before);
    // The app's own origin may write; a GET from anywhere is harmless (it changes nothing).
    const own = await api.request(
      'POST',
      '/api/contacts',
      { name: 'Own Origin' },
      { origin: 'http://localhost:4870' },
    );
    expect(own.statusCode).toBe(201);
    expect(
      (await api.request('GET', '/api/health', undefined, { origin: 'https://evil.example' }))
        .statusCode,
    ).toBe(200);
  });

  it('lets an explicitly allowed origin write (the Vite dev server), and no other', async () => {
    const dev = await openTestApi('sqlite', NOW, {
      hostPolicy: { port: 4870, allowedOrigins: ['http://localhost:5173'] },
    });
    try {
      const headers = { origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' };
      const vite = await dev.request('POST', '/api/contacts', { name: 'From Vite' }, headers);
      expect(vite.statusCode).toBe(201);
      const other = await dev.request(
        'POST',
        '/api/contacts',
        { name: 'Elsewhere' },
        {
          origin: 'http://localhost:5174',
        },
      );
      expect(other.statusCode).toBe(403);
    } finally {
      await dev.close();
    }
  });

  it('takes JSON only (415) and limits body sizes (413); import takes a larger document', async () => {
    const before = await api.snapshot();
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await api.request('POST', '/api/contacts', 'name=Mallory', {
        'content-type': type,
      });
      expect(res.statusCode, type).toBe(415);
      expect(JSON.parse(res.body)).toEqual({
        code: 'unsupported_media_type',
        message: 'send the body as application/json',
      });
    }
    const big = JSON.stringify({ name: 'Big', notes: 'x'.repeat(1_100_000) });
    const tooBig = await api.request('POST', '/api/contacts', big, {
      'content-type': 'application/json',
    });
    expect(tooBig.statusCode).toBe(413);
    expect(JSON.parse(tooBig.body).code).toBe('payload_too_large');
    expect(await api.snapshot()).toBe(before);

    // A 3 MB document of 1,500 contacts is fine on /api/import.
    const contacts = Array.from({ length: 1_500 }, (_, i) => ({
      id: `bulk${i}`,
      name: `Bulk ${i}`,
      notes: 'n'.repeat(2_000),
    }));
    const doc = JSON.stringify({ format: 'tactful/v1', contacts });
    expect(doc.length).toBeGreaterThan(3_000_000);
    const imported = await api.request('POST', '/api/import', doc, {
      'content-type': 'application/json',
    });
    expect(imported.statusCode).toBe(200);
    expect(JSON.parse(imported.body).contacts.created).toBe(1_500);
  });

  it('sends security headers (self-only CSP, nosniff, no framing) on API and pages', async () => {
    for (const url of ['/api/plan', '/', '/api/nope']) {
      const res = await api.request('GET', url);
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('returns <img onerror> in a note verbatim as JSON data, never as HTML', async () => {
    const created = await api.request('POST', '/api/contacts', {
      name: XSS,
      notes: `${XSS}<script>alert(1)</script>`,
    });
    expect(created.statusCode).toBe(201);
    const id = JSON.parse(created.body).id as string;
    const list = await api.request('GET', '/api/contacts');
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    const stored = (JSON.parse(list.body) as { id: string; name: string; notes: string }[]).find(
      (c) => c.id === id,
    )!;
    expect(stored.name).toBe(XSS);
    expect(stored.notes).toBe(`${XSS}<script>alert(1)</script>`);
    const interview = await api.request('PUT', '/api/applications/kestrel/interviews/kestrel-r1', {
      notes: { keyPoints: [XSS] },
    });
    expect(JSON.parse(interview.body).notes.keyPoints).toEqual([XSS]);
  });

  it('never changes state over GET (every GET route, with and without odd queries)', async () => {
    const plan = JSON.parse((await api.request('GET', '/api/plan')).body) as {
      steps: { id: string; channel: string | null }[];
    };
    const email = plan.steps.find((s) => s.channel === 'email')!;
    const before = await api.snapshot();
    const gets = [
      '/api/health',
      '/api/settings',
      '/api/plan',
      '/api/plan?asOf=2027-01-01',
      '/api/contacts',
      '/api/applications',
      '/api/applications/northwind',
      '/api/applications/nope',
      `/api/steps/${enc(email.id)}/draft`,
      `/api/steps/${enc(email.id)}/draft.eml`,
      `/api/steps/${enc(email.id)}/mailto`,
      `/api/steps/${enc(email.id)}/done`,
      '/api/import',
      '/api/export?format=csv',
      '/api/insights',
      '/api/openapi.json',
      '/',
      '/applications/northwind',
    ];
    for (const url of gets) {
      const res = await api.request('GET', url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect((await api.request('HEAD', url)).statusCode, `HEAD ${url}`).toBeLessThan(500);
    }
    // The write routes do not answer GET.
    expect((await api.request('GET', `/api/steps/${enc(email.id)}/done`)).statusCode).toBe(404);
    expect((await api.request('GET', '/api/import')).statusCode).toBe(404);
    expect(await api.snapshot()).toBe(before);
  });

  it('answers unknown API paths with a JSON 404 and a server error without internals', async () => {
    const res = await api.request('DELETE', '/api/contacts/c1');
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toEqual({
      code: 'not_found',
      message: 'no route DELETE /api/contacts/c1',
    });
  });
});

describe('a server error never leaks a stack trace', () => {
  it('answers 500 with a fixed message', async () => {
    const api = await openTestApi('sqlite', NOW);
    try {
      // Closing the database under the server makes every read fail.
      await api.database.close();
      const res = await api.request('GET', '/api/contacts');
      expect(res.statusCode).toBe(500);
      expect(JSON.parse(res.body)).toEqual({
        code: 'internal',
        message: 'something went wrong on the server; nothing was changed',
      });
      expect(res.body).not.toMatch(/at |\.ts|sqlite/i);
    } finally {
      await api.app.close();
    }
  });
});

describe('the built web app', () => {
  const root = mkdtempSync(join(tmpdir(), 'tactful-web-'));
  let api: TestApi;
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>tactful</title><script type="module" src="./assets/index-abc123.js"></script>',
    );
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
    api = await openTestApi('sqlite', NOW, { webRoot: root });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html (never cached), hashed assets (cached a year) and the SPA fallback', async () => {
    const index = await api.request('GET', '/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toContain('index-abc123.js');
    const asset = await api.request('GET', '/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const deep = await api.request('GET', '/applications/northwind?tab=plan');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toBe(index.body);
    const api404 = await api.request('GET', '/api/unknown');
    expect(api404.statusCode).toBe(404);
    expect(JSON.parse(api404.body).code).toBe('not_found');
    expect((await api.request('GET', '/../../etc/passwd')).body).not.toContain('root:');
  });

  it('without a build, / says how to make one', async () => {
    const bare = await openTestApi('sqlite', NOW, { webRoot: join(root, 'missing') });
    try {
      const res = await bare.request('GET', '/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
