// The same CLI on PostgreSQL (DATABASE_URL): the machine's server on 127.0.0.1:5432, in a
// database of its own so other suites' schemas are untouched.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, oneLineError, tactful, tempDir, writeJson, importSampleAsOwn } from './helpers.js';

const NAME = `tactful_cli_e2e_${process.pid}`;
const URL = `postgres://postgres@127.0.0.1:5432/${NAME}`;
const psql = (sql: string) => execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-qAtc', sql]);

beforeAll(() => {
  ensureBuilt();
  psql(`create database ${NAME}`);
}, 300_000);

afterAll(() => {
  psql(`drop database if exists ${NAME}`);
});

describe('PostgreSQL', () => {
  it('runs import, plan, step actions and a JSON round trip like SQLite', async () => {
    const env = { DATABASE_URL: URL };
    expect(await importSampleAsOwn(null, { env })).toMatchObject({ code: 0, stderr: '' });
    const exported = (await tactful(['export'], { env })).stdout;

    // The same document in SQLite plans identically.
    const sqlite = join(tempDir(), 'same.db');
    expect((await tactful(['--db', sqlite, 'import', writeJson(tempDir(), 'doc.json', exported)])).code).toBe(0);
    expect((await tactful(['--db', sqlite, 'export'])).stdout).toBe(exported);
    const onPg = await tactful(['plan', '--json'], { env });
    const onSqlite = await tactful(['--db', sqlite, 'plan', '--json']);
    const strip = (text: string) => ({ ...JSON.parse(text), asOf: null }) as unknown;
    expect(strip(onPg.stdout)).toEqual(strip(onSqlite.stdout));

    expect((await tactful(['skip', 'kestrel:debrief:kestrel-r1'], { env })).code).toBe(0);
    const after = JSON.parse((await tactful(['plan', '--json'], { env })).stdout) as { steps: { id: string }[] };
    expect(after.steps.map((s) => s.id)).not.toContain('kestrel:debrief:kestrel-r1');

    const today = await tactful(['today'], { env });
    expect(today.code).toBe(0);
    expect(today.stdout).toContain('Northwind Analytics');
  }, 300_000);

  it('keeps the sample in a schema of its own: the seeker’s export is byte-identical after demo and demo --leave', async () => {
    const env = { DATABASE_URL: URL };
    const before = (await tactful(['export'], { env })).stdout;
    const demo = await tactful(['demo'], { env });
    expect(demo).toMatchObject({ code: 0, stderr: '' });
    expect(demo.stdout).toMatch(/^Loaded the sample into PostgreSQL schema tactful_sample: 11 contacts, 6 applications/);
    expect((await tactful(['export'], { env })).stdout).toBe(before);
    const onSample = await tactful(['--sample', 'today'], { env });
    expect(onSample.stdout).toContain('Kestrel Robotics');
    expect((await tactful(['--sample', 'add', 'contact', '--name', 'Sample Only'], { env })).code).toBe(0);
    expect((await tactful(['export'], { env })).stdout).toBe(before);
    expect(await tactful(['demo', '--leave'], { env })).toMatchObject({
      code: 0,
      stdout: 'Removed the sample data (PostgreSQL schema tactful_sample). Your own data is unchanged.\n',
    });
    expect((await tactful(['export'], { env })).stdout).toBe(before);
    expect(oneLineError(await tactful(['--sample', 'today'], { env }))).toBe(
      'tactful: there is no sample data (PostgreSQL schema tactful_sample): load it with `tactful demo`',
    );
  }, 300_000);

  it('reports a missing database in one line', async () => {
    const result = await tactful(['today'], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tactful_no_such_db' } });
    expect(oneLineError(result)).toMatch(/^tactful: cannot use PostgreSQL: .*tactful_no_such_db.*\(check DATABASE_URL\)$/);
  });

  it('backup explains that it copies SQLite files only', async () => {
    const result = await tactful(['backup', join(tempDir(), 'x.db')], { env: { DATABASE_URL: URL } });
    expect(oneLineError(result)).toMatch(/pg_dump/);
  });
});
