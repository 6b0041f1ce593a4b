// The CLI's configuration: environment + global flags, parsed once into a frozen object.
// Takes its inputs as arguments (env, home, TTY-ness) so it is testable without touching
// the real process; main/ passes the real ones.
import { isAbsolute, join, resolve } from 'node:path';

export type Storage =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  readonly storage: Storage;
  /** TACTFUL_DEBUG=1: stack traces on errors. */
  readonly debug: boolean;
  /** ANSI colour: stdout is a TTY and NO_COLOR is unset. */
  readonly color: boolean;
  /** `$XDG_CACHE_HOME/tactful` (default `~/.cache/tactful`): derived data only, safe to delete. */
  readonly cacheDir: string;
  /** `$XDG_CONFIG_HOME/tactful` (default `~/.config/tactful`): saved import mappings. */
  readonly configDir: string;
}

export interface ConfigInputs {
  env: Readonly<Record<string, string | undefined>>;
  /** Value of the global `--db` flag, if given. */
  dbFlag?: string | undefined;
  homeDir: string;
  cwd: string;
  stdoutIsTty: boolean;
}

/** A configuration problem; the message names the variable or flag at fault. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** `--db PATH` > `TACTFUL_DB` > `$XDG_DATA_HOME/tactful/tactful.db` > `~/.local/share/tactful/tactful.db`. */
function sqlitePath(inputs: ConfigInputs): string {
  const { env, dbFlag, homeDir, cwd } = inputs;
  if (dbFlag !== undefined) {
    if (dbFlag.trim() === '') throw new ConfigError('--db must name a file');
    return resolve(cwd, dbFlag);
  }
  const fromEnv = env.TACTFUL_DB;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(cwd, fromEnv);
  return join(xdgDir(env, 'XDG_DATA_HOME', homeDir, ['.local', 'share']), 'tactful', 'tactful.db');
}

function postgresUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL (expected postgres://user@host:port/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//…)`);
  }
  return url;
}

function debugFlag(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new ConfigError(`TACTFUL_DEBUG must be 1 or 0 (got "${value}")`);
}

function xdgDir(env: ConfigInputs['env'], variable: string, homeDir: string, fallback: string[]): string {
  const value = env[variable];
  // The XDG spec says a relative path in these variables is invalid and must be ignored.
  return value && isAbsolute(value) ? value : join(homeDir, ...fallback);
}

/** Parses and validates once; throws ConfigError naming the variable at fault. */
export function loadConfig(inputs: ConfigInputs): Config {
  const { env } = inputs;
  const url = env.DATABASE_URL;
  // --db wins even over DATABASE_URL: an explicit flag is the most specific wish.
  const storage: Storage =
    url !== undefined && url !== '' && inputs.dbFlag === undefined
      ? { kind: 'postgres', url: postgresUrl(url) }
      : { kind: 'sqlite', path: sqlitePath(inputs) };
  // https://no-color.org: any non-empty NO_COLOR disables colour.
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return Object.freeze({
    storage: Object.freeze(storage),
    debug: debugFlag(env.TACTFUL_DEBUG),
    color: inputs.stdoutIsTty && !noColor,
    cacheDir: join(xdgDir(env, 'XDG_CACHE_HOME', inputs.homeDir, ['.cache']), 'tactful'),
    configDir: join(xdgDir(env, 'XDG_CONFIG_HOME', inputs.homeDir, ['.config']), 'tactful'),
  });
}
