// What every command receives: output, the parsed config and the services, each created on
// first use so that `--help` and usage errors never parse the environment or open a database.
import type { Config } from '../config/config.js';
import type { SampleCommands, Services } from './services.js';
import { makeStyle, type Style } from './style.js';

export interface CliDeps {
  version: string;
  stdout(text: string): void;
  stderr(text: string): void;
  stdinIsTty: boolean;
  /** Terminal width when stdout is a TTY. */
  columns: number | undefined;
  /** Parses env + the global `--db` flag; throws ConfigError naming the variable. */
  loadConfig(dbFlag: string | undefined): Config;
  /** `sample`: the sample beside the seeker's data instead of theirs (the global `--sample`). */
  openServices(config: Config, options?: { sample?: boolean }): Promise<Services>;
  /** `tactful demo`: load or remove the sample beside the seeker's data. */
  sampleCommands(config: Config): Promise<SampleCommands>;
  readTextFile(path: string): Promise<string>;
}

export class CommandContext {
  private parsedConfig: Config | undefined;
  private opened: Promise<Services> | undefined;
  private dbFlag: string | undefined;
  private sampleFlag = false;

  constructor(readonly deps: CliDeps) {}

  /** Called once the global flags are known (commander's preAction hook). */
  setDbFlag(dbFlag: string | undefined): void {
    this.dbFlag = dbFlag;
  }

  /** The global `--sample`: commands work on the sample data instead of the seeker's. */
  setSampleFlag(sample: boolean): void {
    this.sampleFlag = sample;
  }

  get sample(): boolean {
    return this.sampleFlag;
  }

  /** The global flags as typed, to repeat them in a hint (`--db PATH` when one was given). */
  get dbFlagText(): string {
    if (this.dbFlag === undefined) return '';
    const quoted = /^[\w./:@%+=,-]+$/.test(this.dbFlag)
      ? this.dbFlag
      : `'${this.dbFlag.replace(/'/g, `'\\''`)}'`;
    return `--db ${quoted} `;
  }

  get config(): Config {
    this.parsedConfig ??= this.deps.loadConfig(this.dbFlag);
    return this.parsedConfig;
  }

  /** Whether a config was parsed (for TACTFUL_DEBUG on failures). */
  get configIfLoaded(): Config | undefined {
    return this.parsedConfig;
  }

  get style(): Style {
    return makeStyle(this.config.color);
  }

  /** Output width for wrapping: the terminal's, capped for readability; 80 when piped. */
  get width(): number {
    return Math.min(this.deps.columns ?? 80, 100);
  }

  services(): Promise<Services> {
    this.opened ??= this.deps.openServices(this.config, { sample: this.sampleFlag });
    return this.opened;
  }

  print(text: string): void {
    this.deps.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Closes the services if they were opened; never throws. */
  async close(): Promise<void> {
    if (!this.opened) return;
    try {
      await (await this.opened).close();
    } catch {
      // Opening failed (already reported) or closing failed: nothing left to release.
    }
  }
}
