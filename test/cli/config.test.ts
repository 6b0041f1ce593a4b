import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ConfigInputs } from '../../src/config/config.js';

const base: ConfigInputs = { env: {}, homeDir: '/home/ada', cwd: '/work', stdoutIsTty: false };

describe('loadConfig', () => {
  it('defaults to the XDG data dir under HOME', () => {
    expect(loadConfig(base).storage).toEqual({ kind: 'sqlite', path: '/home/ada/.local/share/tactful/tactful.db' });
  });

  it('uses an absolute XDG_DATA_HOME and ignores a relative one (XDG spec)', () => {
    expect(loadConfig({ ...base, env: { XDG_DATA_HOME: '/data' } }).storage).toEqual({ kind: 'sqlite', path: '/data/tactful/tactful.db' });
    expect(loadConfig({ ...base, env: { XDG_DATA_HOME: 'rel' } }).storage).toEqual({
      kind: 'sqlite',
      path: '/home/ada/.local/share/tactful/tactful.db',
    });
  });

  it('prefers --db over TACTFUL_DB over XDG, resolving relative paths against cwd', () => {
    const env = { TACTFUL_DB: 'env.db', XDG_DATA_HOME: '/data' };
    expect(loadConfig({ ...base, env }).storage).toEqual({ kind: 'sqlite', path: '/work/env.db' });
    expect(loadConfig({ ...base, env, dbFlag: 'flag.db' }).storage).toEqual({ kind: 'sqlite', path: '/work/flag.db' });
  });

  it('selects PostgreSQL with DATABASE_URL unless --db names a file', () => {
    const env = { DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' };
    expect(loadConfig({ ...base, env }).storage).toEqual({ kind: 'postgres', url: env.DATABASE_URL });
    expect(loadConfig({ ...base, env, dbFlag: '/tmp/x.db' }).storage.kind).toBe('sqlite');
  });

  it('fails fast naming the variable', () => {
    expect(() => loadConfig({ ...base, env: { DATABASE_URL: 'not a url' } })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...base, env: { DATABASE_URL: 'mysql://x/y' } })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...base, env: { TACTFUL_DEBUG: 'yes' } })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, env: { TACTFUL_DEBUG: 'yes' } })).toThrow(/TACTFUL_DEBUG/);
    expect(() => loadConfig({ ...base, dbFlag: ' ' })).toThrow(/--db/);
  });

  it('colours only a TTY without NO_COLOR', () => {
    expect(loadConfig({ ...base, stdoutIsTty: true }).color).toBe(true);
    expect(loadConfig({ ...base, stdoutIsTty: false }).color).toBe(false);
    expect(loadConfig({ ...base, stdoutIsTty: true, env: { NO_COLOR: '1' } }).color).toBe(false);
    // no-color.org: an empty NO_COLOR does not disable colour.
    expect(loadConfig({ ...base, stdoutIsTty: true, env: { NO_COLOR: '' } }).color).toBe(true);
  });

  it('reads TACTFUL_DEBUG and returns a frozen object', () => {
    const config = loadConfig({ ...base, env: { TACTFUL_DEBUG: '1' } });
    expect(config.debug).toBe(true);
    expect(loadConfig(base).debug).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.storage)).toBe(true);
  });
});

describe('cacheDir', () => {
  it('follows XDG_CACHE_HOME, else ~/.cache', () => {
    expect(loadConfig(base).cacheDir).toBe('/home/ada/.cache/tactful');
    expect(loadConfig({ ...base, env: { XDG_CACHE_HOME: '/c' } }).cacheDir).toBe('/c/tactful');
    expect(loadConfig({ ...base, env: { XDG_CACHE_HOME: 'relative' } }).cacheDir).toBe('/home/ada/.cache/tactful');
  });
});
