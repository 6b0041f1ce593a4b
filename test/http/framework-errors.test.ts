// Errors raised before any route runs come out in the API's own shape with its security
// headers; the calendar feed's secret token never reaches a request log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './helpers.js';

const NOW = '2026-12-02T12:00:00Z';

describe('framework errors in the product format', () => {
  let api: TestApi;
  let base: string;
  const logLines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    api = await openTestApi('sqlite', NOW, { logger: { level: 'info', stream } });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(api.app.server.address() as { port: number }).port}`;
  });
  afterAll(() => api.close());

  it.each(['/api/contacts/%E0%A4%A', '/api/contacts/%'])(
    'a URL that does not decode (%s) is a 400 with the security headers',
    async (url) => {
      const res = await api.request('GET', url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        code: 'invalid_input',
        message: 'the address is not a valid URL',
      });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    },
  );

  it('headers over Node’s limit: 431 in the product format, with the security headers', async () => {
    const res = await fetch(`${base}/api/plan`, {
      headers: { host: 'localhost', 'x-big': 'a'.repeat(20_000) },
    });
    expect(res.status).toBe(431);
    expect(await res.json()).toEqual({
      code: 'invalid_input',
      message: 'the request headers are too large',
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('the calendar feed token never appears in the request log', async () => {
    const token = 'SECRETtokenSECRETtokenSECRETtokenSECRETtok';
    await fetch(`${base}/calendar/${token}.ics`, { headers: { host: 'localhost' } });
    const log = logLines.join('');
    expect(log).toContain('/calendar/[token]');
    expect(log).not.toContain(token);
  });
});
