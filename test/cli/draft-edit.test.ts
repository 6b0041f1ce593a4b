// `tactful draft` uses the seeker's saved edit of a step's draft (made in the web app) in
// every format, says so (`edited: true` in --json), and `--suggested` gives the suggested
// text instead. Through the built binary on a temporary SQLite file.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveDraftEdit } from '../../src/app/draft-edits.js';
import type { Plan } from '../../src/core/types.js';
import { createUnitOfWork, openDatabase } from '../../src/storage/index.js';
import { ensureBuilt, tactful, tempDir, writeJson } from './helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

const SUBJECT = 'Thanks for Tuesday, Ana';
const BODY = 'Hi Ana,\n\nThank you for walking me through the release train.\n\nJordan';

describe('draft with the seeker’s saved edit', { timeout: 180_000 }, () => {
  const dir = tempDir();
  const db = join(dir, 'tactful.db');
  const run = (...args: string[]) => tactful(['--db', db, ...args]);
  let stepId = '';

  beforeAll(async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const doc = writeJson(dir, 'doc.json', {
      format: 'tactful/v1',
      settings: { timezone: 'UTC', region: 'US', signature: 'Jordan\njordan@example.com' },
      contacts: [{ id: 'c1', name: 'Ana Lopez', email: 'ana@acme.example' }],
      applications: [
        {
          id: 'a1',
          organization: 'Acme',
          role: 'Dev',
          source: 'employer',
          interviews: [{ id: 'i1', round: 1, start: `${yesterday}T10:00`, interviewers: ['c1'] }],
        },
      ],
    });
    expect((await run('import', doc)).code).toBe(0);
    const plan = JSON.parse((await run('plan', '--json')).stdout) as Plan;
    stepId = plan.steps.find((s) => s.kind === 'thank_you' && s.channel === 'email')!.id;
    // The edit as the web app saves it (PUT /api/steps/:id/draft-edit).
    const database = await openDatabase({ sqlitePath: db });
    try {
      await saveDraftEdit(createUnitOfWork(database), { now: () => Date.now() }, stepId, {
        subject: SUBJECT,
        body: BODY,
      });
    } finally {
      await database.close();
    }
  }, 180_000);

  it('--json: the edit, marked edited; --suggested: the suggested text', async () => {
    const mine = JSON.parse((await run('draft', stepId, '--json')).stdout);
    expect(mine).toMatchObject({ edited: true, subject: SUBJECT, body: BODY, channel: 'email' });
    expect(Array.isArray(mine.findings)).toBe(true);
    const suggested = JSON.parse((await run('draft', stepId, '--json', '--suggested')).stdout);
    expect(suggested.edited).toBe(false);
    expect(suggested.subject).not.toBe(SUBJECT);
    expect(suggested.body).not.toContain('release train');
    expect(suggested.body).toContain('Ana');
  });

  it('text, .eml and mailto: carry the edit; --suggested does not', async () => {
    const text = await run('draft', stepId);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Your edited text (the suggested one: --suggested)');
    expect(text.stdout).toContain(`Subject: ${SUBJECT}`);
    expect(text.stdout).toContain('Thank you for walking me through the release train.');
    const plain = await run('draft', stepId, '--suggested');
    expect(plain.stdout).not.toContain('release train');
    expect(plain.stdout).not.toContain('Your edited text');

    const eml = (await run('draft', stepId, '--format', 'eml')).stdout;
    expect(eml).toMatch(new RegExp(`^Subject: ${SUBJECT}\\r?$`, 'm'));
    expect(eml.replace(/=\r?\n/g, '')).toContain('release train');
    expect((await run('draft', stepId, '--format', 'eml', '--suggested')).stdout).not.toContain(
      'release train',
    );

    const mailto = (await run('draft', stepId, '--format', 'mailto')).stdout;
    expect(decodeURIComponent(mailto)).toContain('release train');
    expect(decodeURIComponent(mailto)).toContain(SUBJECT);
    const suggestedLink = (await run('draft', stepId, '--format', 'mailto', '--suggested')).stdout;
    expect(decodeURIComponent(suggestedLink)).not.toContain('release train');
  });
});
