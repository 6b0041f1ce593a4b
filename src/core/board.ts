// The Applications board as the page shows it: one column per effective status, each with its
// total and only the cards it displays (the first `limit`, or a further slice of one column).
// The page asks for what it shows, not for every application with all its interviews.
import { statusAsOf } from './status.js';
import {
  APPLICATION_STATUSES,
  type Application,
  type Source,
  type ApplicationStatus,
} from './types.js';

export interface BoardCard {
  id: string;
  organization: string;
  role: string;
  source: Source;
  rounds: number;
}

export interface BoardColumn {
  status: ApplicationStatus;
  total: number;
  /** From `offset`, at most `limit` cards, in the order of the facts (ids ascending). */
  cards: BoardCard[];
}

export interface BoardQuery {
  /** Cards per column (or in the one column asked for). */
  limit: number;
  /** Only this column, from `offset`: "show more". */
  status?: ApplicationStatus | undefined;
  offset?: number | undefined;
}

export function boardOf(
  applications: readonly Application[],
  asOf: number,
  query: BoardQuery,
): BoardColumn[] {
  const columns = new Map<ApplicationStatus, BoardColumn>(
    APPLICATION_STATUSES.map((status) => [status, { status, total: 0, cards: [] }]),
  );
  const from = query.offset ?? 0;
  for (const app of applications) {
    const status = statusAsOf(app, asOf);
    if (query.status !== undefined && status !== query.status) continue;
    const column = columns.get(status)!;
    if (column.total >= from && column.cards.length < query.limit) {
      column.cards.push({
        id: app.id,
        organization: app.organization,
        role: app.role,
        source: app.source,
        rounds: app.interviews.length,
      });
    }
    column.total += 1;
  }
  const all = [...columns.values()];
  return query.status === undefined ? all : all.filter((c) => c.status === query.status);
}
