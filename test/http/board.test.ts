// GET /api/applications/board: the Applications page asks for what it shows. Totals agree with
// the full list's effective statuses; cards are limited per column and "show more" continues
// a column where it stopped, without gaps or repeats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../src/core/types.js';
import { DIALECTS } from '../db/test-databases.js';
import { importSampleAsOwn, openTestApi, type TestApi } from './helpers.js';

interface Column {
  status: string;
  total: number;
  cards: { id: string; organization: string; role: string; source: string; rounds: number }[];
}

describe.each(DIALECTS)('the board on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(dialect, '2026-12-02T15:00:00Z');
    await importSampleAsOwn(api);
    for (let i = 0; i < 7; i += 1) {
      const res = await api.json('POST', '/api/applications', {
        organization: `Board Org ${i}`,
        role: 'Analyst',
        source: 'employer',
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => api.close());

  it('every column with its total, which agree with the full list', async () => {
    const full = (await api.json('GET', '/api/applications')).body as {
      id: string;
      effectiveStatus: string;
      interviews: unknown[];
    }[];
    const board = (await api.json('GET', '/api/applications/board')).body.columns as Column[];
    expect(board.map((c) => c.status)).toEqual([...APPLICATION_STATUSES]);
    for (const column of board) {
      const inList = full.filter((a) => a.effectiveStatus === column.status);
      expect(column.total, column.status).toBe(inList.length);
      expect(column.cards.map((c) => c.id)).toEqual(inList.map((a) => a.id));
      for (const card of column.cards) {
        expect(card.rounds).toBe(full.find((a) => a.id === card.id)!.interviews.length);
      }
    }
  });

  it('limits the cards per column, and "show more" continues where the column stopped', async () => {
    const first = (await api.json('GET', '/api/applications/board?limit=3')).body
      .columns as Column[];
    const active = first.find((c) => c.status === 'active')!;
    expect(active.total).toBeGreaterThan(3);
    expect(active.cards).toHaveLength(3);
    for (const column of first) expect(column.cards.length).toBeLessThanOrEqual(3);
    const more = (
      await api.json('GET', `/api/applications/board?status=active&offset=3&limit=${active.total}`)
    ).body.columns as Column[];
    expect(more.map((c) => c.status)).toEqual(['active']);
    const all = (await api.json('GET', '/api/applications/board?limit=1000')).body
      .columns as Column[];
    expect([...active.cards, ...more[0]!.cards].map((c) => c.id)).toEqual(
      all.find((c) => c.status === 'active')!.cards.map((c) => c.id),
    );
  });

  it.each([
    ['status=dreaming', 'status'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['colour=red', 'colour'],
  ])('refuses ?%s naming %s', async (query, field) => {
    const res = await api.json('GET', `/api/applications/board?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
  });
});
