// Reads of the facts and plans, memoised per data version. The version is this server's own
// write counter plus, when given, a token that changes when another process writes (SQLite's
// `PRAGMA data_version`). Without such a token (PostgreSQL: other servers may write) nothing
// is cached. A plan's bytes are memoised per exact as-of instant, so cached bytes are the plan.
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

/**
 * The plan and its bytes, each computed on first use: the routes that read the plan never
 * pay for its serialisation, and once the bytes exist the plan object is let go (planning is
 * pure, so asking again recomputes the same plan).
 */
class LazySnapshot implements PlanSnapshot {
  private computed: Plan | null = null;
  private bytes: Buffer | null = null;

  constructor(
    readonly facts: Facts,
    private readonly calendar: BusinessCalendar,
    private readonly asOf: number,
    private readonly cache: {
      /** Bytes another request made meanwhile for the same facts and instant. */
      find(): Buffer | undefined;
      keep(bytes: Buffer): void;
    },
  ) {}

  get plan(): Plan {
    return (this.computed ??= planOf(this.facts, this.calendar, this.asOf));
  }

  get body(): Buffer {
    if (this.bytes === null) {
      // Concurrent first requests all wait on the same facts: only the first one serialises.
      this.bytes = this.cache.find() ?? Buffer.from(JSON.stringify(this.plan));
      this.computed = null;
      this.cache.keep(this.bytes);
    }
    return this.bytes;
  }
}

export class FactsCache {
  private writes = 0;
  private version: string | null = null;
  private facts: Promise<Facts> | null = null;
  /** Serialised plans by as-of instant, for the current facts only (a plan object is not kept). */
  private bodies = new Map<number, Buffer>();

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
    this.bodies.clear();
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
      this.bodies.clear();
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
    const loading = this.loadFacts();
    // The cache entry these facts belong to (null when nothing is cached).
    const current = this.facts;
    const facts = await loading;
    // Kept and found only while these facts are still the cached ones.
    const fresh = () =>
      current !== null && this.facts === current && this.currentVersion() === this.version;
    return new LazySnapshot(facts, this.calendar, asOf, {
      find: () => (fresh() ? this.bodies.get(asOf) : undefined),
      keep: (bytes) => {
        if (!fresh() || this.bodies.get(asOf) === bytes) return;
        if (this.bodies.size >= MAX_PLANS) this.bodies.delete(this.bodies.keys().next().value!);
        this.bodies.set(asOf, bytes);
      },
    });
  }
}
