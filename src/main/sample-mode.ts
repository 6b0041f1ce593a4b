// `tactful serve` with the sample data beside the seeker's: the unit of work, the data version
// (the facts cache's key) and the mail store given to buildApp delegate to the active dataset,
// so the routes keep using `deps.uow` and `mail.store` unchanged. While a sample exists the
// server shows it; "Leave the sample" removes it and the seeker's own data is back.
// The seeker's own data, mail worker and calendar feed are never touched by the switch: the
// in-process worker and the feed lookup only ever see the seeker's database.
import { statSync } from 'node:fs';
import { SAMPLE_NO_MAIL, leaveSample, loadSample, sampleMailStore } from '../app/sample.js';
import type { Dataset, SampleStore } from '../app/sample.js';
import type { ImportSummary } from '../app/import-document.js';
import type { MailStore } from '../app/outbox.js';
import type { Clock, UnitOfWork } from '../app/ports.js';
import type { BusinessCalendar } from '../core/calendar.js';
import { DomainError } from '../core/errors.js';
import type { MailHttpDeps } from '../http/outbox.routes.js';
import type { SampleHttpDeps, SampleState } from '../http/sample.routes.js';
import { sqliteHandleOf } from '../storage/database.js';
import type { Database } from '../storage/index.js';
import { datasetOf, sampleDatabaseOptions, sampleStoreBeside } from './open-storage.js';
import type { OpenDatabaseOptions } from '../storage/index.js';

/** The mail routes' seeker id while the sample is shown (the seeker's own is 'local'). */
const SAMPLE_SEEKER = 'sample';

export interface SampleDataset extends Dataset {
  /** SQLite's data_version of the sample's own connection (null on PostgreSQL). */
  version: (() => string) | null;
  /** The sample's mail tables: empty, and every write toward mail refused. */
  mail: MailStore;
}

export interface SampleModeWiring {
  own: {
    uow: UnitOfWork;
    /** Changes when the seeker's data changes (null: no caching, PostgreSQL). */
    dataVersion: (() => string) | null;
  };
  ownOptions: OpenDatabaseOptions;
  /** The mail store over a database (the server's own factory, with its secret box). */
  mailStoreOf(database: Database): MailStore;
  calendar: BusinessCalendar;
  clock: Clock;
}

/** Nothing to read, every write refused: the mail store answered when no sample is open. */
const NO_SAMPLE_MAIL: MailStore = {
  transaction: () => Promise.reject(new DomainError('conflict', SAMPLE_NO_MAIL)),
  claimDue: async () => [],
  staleSending: async () => [],
  seekersWithSmtp: async () => [],
  seekerOfFeedToken: async () => undefined,
};

export class SampleMode {
  private sample: SampleDataset | null = null;
  /** Bumped on every switch: a new connection's data_version may repeat an old one's. */
  private generation = 0;
  /** Loads, leaves and checks run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly store: SampleStore<SampleDataset>;
  /** The SQLite file of the sample (null on PostgreSQL) and its identity when opened. */
  private readonly sampleFile: string | null;
  private openedIdentity: string | null = null;

  constructor(private readonly wiring: SampleModeWiring) {
    this.sampleFile = sampleDatabaseOptions(wiring.ownOptions).sqlitePath ?? null;
    this.store = sampleStoreBeside(wiring.ownOptions, (database) => {
      const handle = sqliteHandleOf(database);
      return {
        ...datasetOf(database),
        version: handle ? () => String(handle.pragma('data_version', { simple: true })) : null,
        mail: sampleMailStore(wiring.mailStoreOf(database)),
      };
    });
  }

  /** Shows the sample from the start when one exists (left by `tactful demo` or an earlier run). */
  async start(): Promise<void> {
    await this.reconcile();
  }

  get active(): boolean {
    return this.sample !== null;
  }

  private current(): UnitOfWork {
    return this.sample?.uow ?? this.wiring.own.uow;
  }

  /** For buildApp: always the dataset shown now. */
  readonly uow: UnitOfWork = {
    transaction: (work) => this.current().transaction(work),
    read: (work) => this.current().read(work),
  };

  /** For buildApp's facts cache: which dataset, which switch, and that dataset's version. */
  get dataVersion(): (() => string) | null {
    const own = this.wiring.own.dataVersion;
    if (own === null) return null;
    return () => {
      const sample = this.sample;
      if (sample === null) return `own:${this.generation}:${own()}`;
      return `sample:${this.generation}:${sample.version?.() ?? ''}`;
    };
  }

  /**
   * The mail routes' deps: the seeker id names the dataset shown, and the store sends each
   * seeker id to its own dataset. The calendar feed finds its seeker in the seeker's own
   * tables, so a subscribed calendar keeps the seeker's steps while the sample is shown.
   */
  mailHttp(base: MailHttpDeps): MailHttpDeps {
    const own = base.store;
    const store: MailStore = {
      transaction: (seekerId, work) =>
        seekerId === SAMPLE_SEEKER
          ? (this.sample?.mail ?? NO_SAMPLE_MAIL).transaction(base.seekerId, work)
          : own.transaction(seekerId, work),
      claimDue: (now, limit) => own.claimDue(now, limit),
      staleSending: (before) => own.staleSending(before),
      seekersWithSmtp: () => own.seekersWithSmtp(),
      seekerOfFeedToken: (hash) => own.seekerOfFeedToken(hash),
    };
    return Object.defineProperty({ ...base, store }, 'seekerId', {
      enumerable: true,
      get: () => (this.active ? SAMPLE_SEEKER : base.seekerId),
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private switchTo(sample: SampleDataset | null): SampleDataset | null {
    const previous = this.sample;
    this.sample = sample;
    this.openedIdentity = sample === null ? null : this.fileIdentity();
    this.generation += 1;
    return previous;
  }

  /** The sample file's identity: `tactful demo` in another process replaces the file whole. */
  private fileIdentity(): string | null {
    const file = this.sampleFile;
    if (file === null) return null;
    try {
      const stat = statSync(file);
      return `${stat.dev}:${stat.ino}`;
    } catch {
      return null;
    }
  }

  /** Follows what another process did (`tactful demo`, `tactful demo --leave`) meanwhile. */
  private reconcile(): Promise<void> {
    return this.serial(async () => {
      const exists = await this.store.exists();
      const replaced = this.sample !== null && this.openedIdentity !== this.fileIdentity();
      if (this.sample !== null && (!exists || replaced)) await this.switchTo(null)?.close();
      if (exists && this.sample === null) this.switchTo(await this.store.open());
    });
  }

  private state(): SampleState {
    return { active: this.active, where: this.store.where };
  }

  /** The routes' side: state, load and switch, leave and remove. */
  readonly http: SampleHttpDeps = {
    state: async () => {
      await this.reconcile();
      return this.state();
    },
    load: () =>
      this.serial(async (): Promise<SampleState & { loaded: ImportSummary }> => {
        await this.switchTo(null)?.close();
        const loaded = await loadSample(this.store, this.wiring.calendar, this.wiring.clock);
        this.switchTo(loaded.dataset);
        return { ...this.state(), loaded: loaded.summary };
      }),
    leave: () =>
      this.serial(async (): Promise<SampleState & { removed: boolean }> => {
        const removed = await leaveSample(this.store, this.switchTo(null));
        return { ...this.state(), removed };
      }),
  };

  /** Closes the sample's connection (the sample itself stays for the next start). */
  close(): Promise<void> {
    return this.serial(async () => {
      await this.switchTo(null)?.close();
    });
  }
}
