// How `tactful inbox check` (and the worker) words a pass for the seeker.
import { describe, expect, it } from 'vitest';
import { describeReport } from '../../src/cli/commands/inbox.js';

describe('the inbox check report', () => {
  it('lists each folder, each matched message and each skipped one', () => {
    expect(
      describeReport({
        folders: [
          { folder: 'INBOX', scanned: 12, matched: 2 },
          { folder: 'Applications', scanned: 0, matched: 0 },
        ],
        matched: [
          {
            id: 'm1',
            applicationId: 'acme',
            from: 'Priya <priya@acme.example>',
            subject: 'Re: Thank you',
            receivedAt: '2026-12-01T14:00:00Z',
            excerpt: 'Thanks! We expect to decide by 18 December.',
            suggestion: 'update',
            why: 'a new date: 18 December',
            state: 'unconfirmed',
          },
          {
            id: 'm2',
            applicationId: null,
            from: 'sam@globex.example',
            subject: 'Next steps',
            receivedAt: null,
            excerpt: '',
            suggestion: 'reply',
            why: 'the sender’s domain is two applications’',
            state: 'unconfirmed',
          },
        ],
        skipped: [{ folder: 'INBOX', uid: 7, reason: 'larger than 10 MB' }],
      }),
    ).toBe(
      [
        'INBOX: 12 read, 2 matched',
        'Applications: 0 read, 0 matched',
        '- Priya <priya@acme.example>: Re: Thank you (2026-12-01T14:00:00Z) → acme: update — a new date: 18 December',
        '- sam@globex.example: Next steps → which application?: reply — the sender’s domain is two applications’',
        'skipped INBOX #7: larger than 10 MB',
      ].join('\n'),
    );
  });

  it('says so when nothing matched', () => {
    expect(describeReport({ folders: [{ folder: 'INBOX', scanned: 3, matched: 0 }], matched: [], skipped: [] })).toBe(
      'INBOX: 3 read, 0 matched\nNothing new from your applications.',
    );
  });
});
