// `tactful serve` as a user runs it: the built binary on a SQLite file, a free port, real
// HTTP. Its plan is the CLI's `plan --json`, its Host check uses the real port, and it stops
// cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, importSampleAsOwn, tactful, tempDir } from '../cli/helpers.js';

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tactful serve', () => {
  const db = join(tempDir(), 'serve.db');
  let child: ChildProcess;
  let url = '';
  let firstAnswerMs = 0;

  beforeAll(async () => {
    ensureBuilt();
    expect((await importSampleAsOwn(db)).code).toBe(0);
    const started = performance.now();
    child = spawn('node', [BIN, '--db', db, 'serve', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', HOME: tempDir() },
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.stderr!.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())));
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    expect((await get(`${url}api/health`)).status).toBe(200);
    firstAnswerMs = performance.now() - started;
  }, 300_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  // How soon it answers is measured by `npm run bench`, never asserted here: a busy machine
  // must not fail the suite.
  it('prints its URL on 127.0.0.1 and answers', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    console.log(`tactful serve: first answer ${Math.round(firstAnswerMs)} ms after spawn`);
  });

  it('serves the same plan as `tactful plan --json`', async () => {
    const port = new URL(url).port;
    const api = await get(`${url}api/plan?asOf=2026-12-01`);
    const cli = await tactful(['--db', db, 'plan', '--json', '--as-of', '2026-12-01']);
    expect(cli.code).toBe(0);
    expect(api.body).toBe(JSON.stringify(JSON.parse(cli.stdout)));
    expect(cli.stdout).toBe(`${JSON.stringify(JSON.parse(api.body), null, 2)}\n`);
    // The Host check knows the port it got.
    expect((await get(`${url}api/health`, { host: `localhost:${port}` })).status).toBe(200);
    expect((await get(`${url}api/health`, { host: 'rebind.attacker.example' })).status).toBe(403);
    expect((await get(`${url}api/health`, { host: `localhost:${Number(port) + 1}` })).status).toBe(
      403,
    );
  });

  it('sees a write made by the CLI in the same file (no stale cache)', async () => {
    const before = JSON.parse((await get(`${url}api/contacts`)).body) as unknown[];
    expect((await tactful(['--db', db, 'add', 'contact', '--name', 'Written By CLI'])).code).toBe(
      0,
    );
    const after = JSON.parse((await get(`${url}api/contacts`)).body) as { name: string }[];
    expect(after.length).toBe(before.length + 1);
    expect(after.map((c) => c.name)).toContain('Written By CLI');
  });

  it('shows the sample `tactful demo` writes beside the file, and the own data again after `demo --leave`', async () => {
    const ownPlan = (await get(`${url}api/plan?asOf=2026-12-01`)).body;
    const ownExport = (await get(`${url}api/export`)).body;
    expect(JSON.parse((await get(`${url}api/sample`)).body)).toMatchObject({ active: false });

    expect((await tactful(['--db', db, 'demo'])).code).toBe(0);
    expect(JSON.parse((await get(`${url}api/sample`)).body)).toEqual({
      active: true,
      where: db.replace(/\.db$/, '.sample.db'),
    });
    // The server now shows the sample, as the CLI does with --sample.
    const sampleCli = await tactful([
      '--db',
      db,
      '--sample',
      'plan',
      '--json',
      '--as-of',
      '2026-12-01',
    ]);
    const samplePlan = (await get(`${url}api/plan?asOf=2026-12-01`)).body;
    expect(samplePlan).toBe(JSON.stringify(JSON.parse(sampleCli.stdout)));
    // A second `tactful demo` replaces the file: the server follows on its next check.
    expect(
      (await tactful(['--db', db, '--sample', 'add', 'contact', '--name', 'Sample Play'])).code,
    ).toBe(0);
    expect((await get(`${url}api/contacts`)).body).toContain('Sample Play');
    expect((await tactful(['--db', db, 'demo'])).code).toBe(0);
    await get(`${url}api/sample`);
    expect((await get(`${url}api/contacts`)).body).not.toContain('Sample Play');

    expect((await tactful(['--db', db, 'demo', '--leave'])).code).toBe(0);
    expect(JSON.parse((await get(`${url}api/sample`)).body)).toMatchObject({ active: false });
    expect((await get(`${url}api/plan?asOf=2026-12-01`)).body).toBe(ownPlan);
    expect((await get(`${url}api/export`)).body).toBe(ownExport);
  }, 300_000);

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
