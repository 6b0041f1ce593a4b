import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { describeFailure, oneLine, UserError } from '../../src/cli/errors.js';
import { ConfigError } from '../../src/config/config.js';
import { DomainError } from '../../src/core/errors.js';

describe('describeFailure', () => {
  it('maps user errors to exit 1 with the field named as the flag, never by its path', () => {
    expect(describeFailure(new DomainError('invalid_input', 'must be a date', 'createdOn'))).toEqual({
      exitCode: 1,
      message: '--created-on must be a date',
    });
    expect(describeFailure(new DomainError('invalid_input', 'no contact with id "c9"', 'contacts[0]')).message).toBe(
      '--to: no contact with id "c9"',
    );
    // A field without a flag is not named at all; an old-style "field: " prefix is dropped.
    expect(describeFailure(new DomainError('not_found', 'no open step with id "x"', 'stepId')).message).toBe(
      'no open step with id "x"',
    );
    expect(describeFailure(new DomainError('not_found', 'stepId: no such step', 'stepId')).message).toBe('no such step');
    // A document's path is what names a field in a file: kept.
    const inFile = new DomainError('invalid_input', 'applications[0].createdOn must be a date', 'applications[0].createdOn', {
      namesField: true,
    });
    expect(describeFailure(inFile).message).toBe('applications[0].createdOn must be a date');
    expect(describeFailure(new UserError('--until must be a date')).exitCode).toBe(1);
    expect(describeFailure(new ConfigError('DATABASE_URL is not a URL')).message).toBe('DATABASE_URL is not a URL');
  });

  it('strips commander’s "error:" prefix and keeps help/version at exit 0', () => {
    const usage = new CommanderError(1, 'commander.unknownCommand', "error: unknown command 'frobnicate'");
    expect(describeFailure(usage)).toEqual({ exitCode: 1, message: "unknown command 'frobnicate'" });
    expect(describeFailure(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')).exitCode).toBe(0);
  });

  it('explains file, SQLite and PostgreSQL failures in words', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/tmp/missing.json' });
    expect(describeFailure(enoent)).toEqual({ exitCode: 1, message: '/tmp/missing.json: no such file' });
    const readonly = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY_DBMOVED' });
    expect(describeFailure(readonly)).toEqual({ exitCode: 1, message: 'the database file is read-only' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(describeFailure(refused).message).toMatch(/PostgreSQL refused/);
    const auth = Object.assign(new Error('role "nobody" does not exist'), { code: '28000' });
    expect(describeFailure(auth)).toEqual({ exitCode: 1, message: 'PostgreSQL: role "nobody" does not exist (check DATABASE_URL)' });
  });

  it('treats anything else as a bug: exit 2, still one line', () => {
    const failure = describeFailure(new TypeError('x is undefined\n    at foo (bar.js:1:1)'));
    expect(failure.exitCode).toBe(2);
    expect(failure.message).not.toContain('\n');
    expect(describeFailure('a string').exitCode).toBe(2);
  });
});

describe('oneLine', () => {
  it('flattens control characters and caps the length', () => {
    expect(oneLine('a\r\nBcc: x\u0000\u001b[31m')).toBe('a Bcc: x [31m');
    expect(oneLine('x'.repeat(1000)).length).toBe(400);
  });
});
