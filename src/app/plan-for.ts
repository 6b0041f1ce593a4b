import type { BusinessCalendar } from '../core/calendar.js';
import { plan, POLICIES } from '../core/policy/index.js';
import type { Facts, Plan } from '../core/types.js';
import type { UnitOfWork } from './ports.js';

/** Every open step and warning as of `asOf` (epoch ms), from one consistent read. */
export async function planFor(
  uow: UnitOfWork,
  calendar: BusinessCalendar,
  asOf: number,
): Promise<Plan> {
  return uow.read(async (repo) => planOf(await repo.loadFacts(), calendar, asOf));
}

export function planOf(facts: Facts, calendar: BusinessCalendar, asOf: number): Plan {
  return plan(facts, POLICIES, calendar, asOf);
}
