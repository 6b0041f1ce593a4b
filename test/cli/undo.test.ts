// `tactful undo | activity | delete | restore | trash [--empty]` through the built binary on a temporary
// SQLite file: every action's confirmation says how to undo it, undo gives back the same
// export, delete asks (or wants --yes when not on a terminal) and restore is exact.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../../src/app/sample.js';
import type { Plan } from '../../src/core/types.js';
import { BIN, ensureBuilt, oneLineError, tactful, tempDir, writeJson } from './helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

/**
 * The terminal's output without colours, spaces and the prompt's frame: the pseudo-terminal
 * has no size, so the prompt wraps after every character.
 */
function squeezed(output: string): string {
  // eslint-disable-next-line no-control-regex
  return output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\s│]/g, '');
}

/** Runs the CLI on a pseudo-terminal (`script`) and types `answer` once `prompt` is on screen. */
function atTerminal(
  args: string[],
  prompt: RegExp,
  answer: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('script', ['-qec', ['node', BIN, ...args].join(' '), '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: tempDir() },
    });
    let output = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!answered && prompt.test(squeezed(output))) {
        answered = true;
        child.stdin.write(answer);
      }
    });
    child.on('close', (code) => done({ code, output }));
  });
}

// Each test runs the binary a dozen times: generous time on a shared, busy machine.
describe('undo, delete and the Trash from the CLI', { timeout: 240_000 }, () => {
  const dir = tempDir();
  const db = join(dir, 'undo.db');
  const run = (...args: string[]) => tactful(['--db', db, ...args]);
  const exported = async () => {
    const result = await run('export');
    expect(result.code).toBe(0);
    return result.stdout;
  };

  it('undoes a step marked done: the export is as before', async () => {
    // The sample search as the seeker's own data (`tactful demo` keeps the sample apart).
    const sample = writeJson(dir, 'sample.json', sampleDocument({ now: () => Date.now() }));
    expect((await run('import', sample)).code).toBe(0);
    const before = await exported();
    const plan = JSON.parse((await run('plan', '--json')).stdout) as Plan;
    const step = plan.steps.find((s) => s.kind === 'thank_you')!;
    const done = await run('done', step.id);
    expect(done.code).toBe(0);
    expect(done.stdout.trim()).toBe(`Done: ${step.id} (undo: tactful undo)`);

    const history = await run('activity');
    expect(history.code).toBe(0);
    const lines = history.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^2 {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}Marked done: thank-you to .+ \(.+\)$/,
    );
    expect(lines[1]).toMatch(
      /^1 {2}.* {2}Imported 6 applications, 11 contacts, 7 interviews, 11 interactions and the settings$/,
    );

    const undone = await run('undo');
    expect(undone.code).toBe(0);
    expect(undone.stdout).toMatch(/^Undone: Marked done: thank-you to /);
    expect(await exported()).toBe(before);
    expect((await run('activity')).stdout.split('\n')[0]).toMatch(/\(undone\)$/);
    // Undoing the same activity again, or one that does not exist: one line, exit 1.
    expect(oneLineError(await run('undo', '2'))).toMatch(
      /^tactful: activity 2 ".*" is already undone$/,
    );
    expect(oneLineError(await run('undo', '999'))).toBe(
      'tactful: no activity 999 (see tactful activity)',
    );
    expect(oneLineError(await run('undo', 'latest'))).toBe(
      'tactful: "latest" is not an activity number (see tactful activity)',
    );
  });

  it('refuses an older undo while a later action changed the same records, naming it', async () => {
    const before = await exported();
    const edit = (title: string) =>
      writeJson(dir, `${title}.json`, {
        format: 'tactful/v1',
        contacts: [{ id: 'priya', name: 'Priya Raman', title }],
      });
    expect((await run('import', edit('CTO'))).stdout).toMatch(/\(undo: tactful undo\)\n$/);
    expect((await run('import', edit('CEO'))).code).toBe(0);
    // The same document again changes nothing: no activity, no undo hint.
    expect((await run('import', edit('CEO'))).stdout).not.toContain('undo');
    const lines = (await run('activity', '--limit', '2')).stdout.trim().split('\n');
    const [second, first] = lines.slice(0, 2).map((l) => l.trim().split(/\s+/)[0]);
    expect(oneLineError(await run('undo', first!))).toBe(
      `tactful: undo activity ${second} "Imported 1 contact" first: it changed the same records later`,
    );
    expect((await run('undo')).code).toBe(0);
    expect((await run('undo', first!)).code).toBe(0);
    expect(await exported()).toBe(before);
  });

  it('delete wants --yes when not on a terminal, then moves to the Trash; restore is exact', async () => {
    const before = await exported();
    const refused = oneLineError(await run('delete', 'northwind'));
    expect(refused).toMatch(
      /^tactful: not deleted: add --yes to confirm "Delete Northwind Analytics — .+ with 2 interviews and \d+ interactions\?"$/,
    );
    expect(await exported()).toBe(before);

    const deleted = await run('delete', 'northwind', '--yes');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(
      /^Deleted Northwind Analytics — .+ with 2 interviews and \d+ interactions: in the Trash \(restore: tactful restore northwind\)\n$/,
    );
    const exportedAfter = await exported();
    expect(exportedAfter).not.toContain('"northwind"');

    const trash = await run('trash');
    expect(trash.stdout).toMatch(/ {2}application {2}northwind {2}Northwind Analytics — /);
    expect(trash.stdout).toContain(
      '  interview    northwind-r2  interview round 2 at Northwind Analytics',
    );

    const restored = await run('restore', 'northwind-r1');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /^Restored: Northwind Analytics — .+ \(with \d+ more records deleted together\)\n$/,
    );
    expect(await exported()).toBe(before);
    expect((await run('trash')).stdout).toBe('The Trash is empty.\n');
    expect(oneLineError(await run('restore', 'northwind'))).toBe(
      'tactful: "northwind" is not in the Trash (see tactful trash)',
    );
    expect(oneLineError(await run('delete', 'nobody-here', '--yes'))).toBe(
      'tactful: no contact, application, interview or interaction "nobody-here"',
    );
  });

  it('a deleted contact is gone from every step; its id is not given to a new contact', async () => {
    const deleted = await run('delete', 'priya', '--yes');
    expect(deleted.code).toBe(0);
    const plan = JSON.parse((await run('plan', '--json')).stdout) as Plan;
    expect(plan.steps.some((s) => s.to.includes('priya'))).toBe(false);
    expect(
      oneLineError(await run('add', 'contact', '--id', 'priya', '--name', 'Someone Else')),
    ).toMatch(/priya/);
    expect((await run('undo')).code).toBe(0);
    const back = JSON.parse((await run('plan', '--json')).stdout) as Plan;
    expect(back.steps.some((s) => s.to.includes('priya'))).toBe(true);
  });

  it('trash --empty wants --yes when not on a terminal, deletes for good, and undo says why not', async () => {
    expect((await run('delete', 'northwind', '--yes')).code).toBe(0);
    const before = await exported();
    expect(oneLineError(await run('trash', '--empty'))).toMatch(
      /^tactful: not emptied: add --yes to confirm "Delete 1 application, 2 interviews and \d+ interactions in the Trash for good\? This cannot be undone\."$/,
    );
    expect((await run('trash')).stdout).toContain('  application  northwind  ');
    expect(oneLineError(await run('trash', '--yes'))).toBe('tactful: --yes: only with --empty');

    const emptied = await run('trash', '--empty', '--yes');
    expect(emptied.code).toBe(0);
    expect(emptied.stdout).toMatch(
      /^Emptied the Trash: 1 application, 2 interviews and \d+ interactions deleted for good\n$/,
    );
    expect((await run('trash')).stdout).toBe('The Trash is empty.\n');
    expect((await run('trash', '--empty', '--yes')).stdout).toBe(
      'The Trash is empty: nothing to delete.\n',
    );
    expect(await exported()).toBe(before);
    expect(oneLineError(await run('undo'))).toMatch(
      /^tactful: activity \d+ "Emptied the Trash: .+" cannot be undone: what it deleted is gone for good$/,
    );
    expect(oneLineError(await run('restore', 'northwind'))).toBe(
      'tactful: "northwind" is not in the Trash (see tactful trash)',
    );
    // Nor can the delete itself: what it moved to the Trash is gone.
    const history = (await run('activity', '--limit', '3')).stdout;
    const deletedIn = /^\s*(\d+) .*Deleted Northwind Analytics/m.exec(history)![1]!;
    expect(oneLineError(await run('undo', deletedIn))).toMatch(
      /can no longer be undone: records it changed were deleted for good when the Trash was emptied \(activity \d+\)$/,
    );
  });

  it('trash --empty at a terminal asks first: no keeps the Trash, yes empties it', async () => {
    const own = (...args: string[]) => tactful(['--db', join(dir, 'pty.db'), ...args]);
    expect((await own('add', 'contact', '--id', 'zed', '--name', 'Zed')).code).toBe(0);
    expect((await own('delete', 'zed', '--yes')).code).toBe(0);
    const question = /Delete1contactintheTrashforgood\?Thiscannotbeundone\./;
    const args = ['--db', join(dir, 'pty.db'), 'trash', '--empty'];
    const no = await atTerminal(args, question, 'n');
    expect(no.code).toBe(1);
    expect(squeezed(no.output)).toContain('tactful:notemptied');
    expect((await own('trash')).stdout).toContain('zed');
    const yes = await atTerminal(args, question, 'y');
    expect(yes.code).toBe(0);
    expect(squeezed(yes.output)).toContain('EmptiedtheTrash:1contactdeletedforgood');
    expect((await own('trash')).stdout).toBe('The Trash is empty.\n');
  });
});
