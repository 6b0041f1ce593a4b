// Reads of the facts and plans, memoised per data version. The version is this server's own
// write counter plus, when given, a token that changes when another process writes (SQLite's
// `PRAGMA data_version`). Without such a token (PostgreSQL: other servers may write) nothing
// is cached. A plan is memoised per exact as-of instant, so a cached plan is the plan.
import type { UnitOfWork } from '../app/ports.js';
import { planOf } from '../app/plan-for.js';
import type { BusinessCalendar } from '../core/calendar.js';
import type { Facts, Plan } from '../core/types.js';

export interface PlanSnapshot {
  facts: Facts;
  plan: Plan;
  /** `JSON.stringify(plan)` as UTF-8: what `GET /api/plan` sends (a Buffer is written as is). */
  body: Buffer;
}

const MAX_PLANS = 8;

export class FactsCache {
  private writes = 0;
  private version: string | null = null;
  private facts: Promise<Facts> | null = null;
  private plans = new Map<number, PlanSnapshot>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendar: BusinessCalendar,
    /** Changes whenever another connection commits; null disables caching. */
    private readonly externalVersion: (() => string) | null,
  ) {}

  /** Called after every write this server makes (before its answer is sent). */
  invalidate(): void {
    this.writes += 1;
    this.facts = null;
    this.plans.clear();
  }

  private currentVersion(): string | null {
    return this.externalVersion === null ? null : `${this.externalVersion()}:${this.writes}`;
  }

  /** One consistent read of every fact; treat the result as read-only. */
  loadFacts(): Promise<Facts> {
    const version = this.currentVersion();
    if (version === null) return this.uow.transaction((repo) => repo.loadFacts());
    if (version !== this.version || this.facts === null) {
      this.version = version;
      this.plans.clear();
      const loading = this.uow.transaction((repo) => repo.loadFacts());
      // A failed read is not remembered.
      loading.catch(() => {
        if (this.facts === loading) this.facts = null;
      });
      this.facts = loading;
    }
    return this.facts;
  }

  /** The plan as of `asOf` (epoch ms) with the facts it was computed from. */
  async plan(asOf: number): Promise<PlanSnapshot> {
    const facts = await this.loadFacts();
    const cached = this.plans.get(asOf);
    if (cached && cached.facts === facts) return cached;
    const plan = planOf(facts, this.calendar, asOf);
    const snapshot: PlanSnapshot = { facts, plan, body: Buffer.from(JSON.stringify(plan)) };
    if (this.currentVersion() !== null && this.facts !== null && (await this.facts) === facts) {
      if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(asOf, snapshot);
    }
    return snapshot;
  }
}
