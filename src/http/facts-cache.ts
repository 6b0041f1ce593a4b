// Reads of the facts and plans, memoised per data version. The version is this server's own
// write counter plus, when given, a token that changes when another process writes (SQLite's
// `PRAGMA data_version`). Without such a token (PostgreSQL: other servers may write) nothing
// is cached. A plan's bytes are memoised for the window of instants in which planning gives the
// same steps and warnings (core's planValidUntil): "the plan as of now" is computed once per
// change, and each answer only gets its own `asOf` written into the cached bytes.
import { createHash } from 'node:crypto';
import type { UnitOfWork } from '../app/ports.js';
import { planOf } from '../app/plan-for.js';
import type { BusinessCalendar } from '../core/calendar.js';
import { planValidUntil } from '../core/policy/index.js';
import { fastFormatInstant } from '../core/policy/zone.js';
import type { Facts, Plan } from '../core/types.js';

export interface PlanSnapshot {
  facts: Facts;
  plan: Plan;
  /** `JSON.stringify(plan)` as UTF-8: what `GET /api/plan` sends (a Buffer is written as is). */
  body: Buffer;
  /**
   * A weak ETag of the plan's steps and warnings, the same for every instant of its window: the
   * representations differ only in `asOf`, so they are semantically equivalent (RFC 9110 §8.8.1).
   */
  tag: string;
  /**
   * The bytes of a view of the plan (e.g. Today's agenda), cached with the plan's window. The
   * view must be a JSON object whose first key is the plan's `asOf`.
   */
  view(name: string, build: (plan: Plan, facts: Facts) => { asOf: string }): CachedBytes;
}

/** Bytes to send and their weak ETag (computed without the `asOf` they start with). */
export interface CachedBytes {
  body: Buffer;
  tag: string;
}

function weakTag(body: Buffer): string {
  return `W/"${createHash('sha1').update(body.subarray(AS_OF_END)).digest('base64url')}"`;
}

const MAX_PLANS = 8;
// JSON.stringify(plan) starts with its asOf: `{"asOf":"YYYY-MM-DDTHH:mm:ssZ",…`.
const AS_OF_START = '{"asOf":"'.length;
const AS_OF_END = AS_OF_START + 'YYYY-MM-DDTHH:mm:ssZ'.length;

interface PlanWindow {
  /** The instants [from, until) share these steps and warnings. */
  from: number;
  until: number;
  body: Buffer;
  tag: string;
  views: Map<string, CachedBytes>;
}

/** Cached bytes with `asOf` written in (a copy unless it is the same second). */
function stamped(body: Buffer, asOf: number): Buffer {
  const stamp = fastFormatInstant(asOf);
  if (body.toString('latin1', AS_OF_START, AS_OF_END) === stamp) return body;
  const copy = Buffer.from(body);
  copy.write(stamp, AS_OF_START, 'latin1');
  return copy;
}

/**
 * The plan and its bytes, each computed on first use: the routes that read the plan never
 * pay for its serialisation, and once the bytes exist the plan object is let go (planning is
 * pure, so asking again recomputes the same plan).
 */
class LazySnapshot implements PlanSnapshot {
  private computed: Plan | null = null;
  private window: PlanWindow | null = null;
  private bytes: Buffer | null = null;

  constructor(
    readonly facts: Facts,
    private readonly calendar: BusinessCalendar,
    private readonly asOf: number,
    private readonly cache: {
      /** A window another request made for the same facts that holds this instant. */
      find(): PlanWindow | undefined;
      keep(window: PlanWindow): void;
    },
  ) {}

  get plan(): Plan {
    return (this.computed ??= planOf(this.facts, this.calendar, this.asOf));
  }

  private ensure(): { window: PlanWindow; body: Buffer } {
    if (this.window === null || this.bytes === null) {
      // Concurrent first requests all wait on the same facts: only the first one serialises.
      let window = this.cache.find();
      if (window === undefined) {
        const plan = this.plan;
        const body = Buffer.from(JSON.stringify(plan));
        window = {
          from: this.asOf,
          until: planValidUntil(this.facts, plan, this.asOf),
          body,
          tag: weakTag(body),
          views: new Map(),
        };
        this.cache.keep(window);
      }
      this.window = window;
      this.bytes = stamped(window.body, this.asOf);
      this.computed = null;
    }
    return { window: this.window, body: this.bytes };
  }

  get body(): Buffer {
    return this.ensure().body;
  }

  get tag(): string {
    return this.ensure().window.tag;
  }

  view(name: string, build: (plan: Plan, facts: Facts) => { asOf: string }): CachedBytes {
    const { window } = this.ensure();
    let view = window.views.get(name);
    if (view === undefined) {
      const body = Buffer.from(JSON.stringify(build(this.plan, this.facts)));
      this.computed = null;
      view = { body, tag: weakTag(body) };
      window.views.set(name, view);
    }
    return { body: stamped(view.body, this.asOf), tag: view.tag };
  }
}

export class FactsCache {
  private writes = 0;
  private version: string | null = null;
  private facts: Promise<Facts> | null = null;
  /** Serialised plans by window of instants, for the current facts only (no plan object kept). */
  private windows: PlanWindow[] = [];

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
    this.windows = [];
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
      this.windows = [];
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
      find: () =>
        fresh() ? this.windows.find((w) => w.from <= asOf && asOf < w.until) : undefined,
      keep: (window) => {
        if (!fresh()) return;
        if (this.windows.length >= MAX_PLANS) this.windows.shift();
        this.windows.push(window);
      },
    });
  }
}
