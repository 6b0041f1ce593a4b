// At a keyboard (stdin a TTY), a missing required flag is asked for instead of failing.
// `script` gives the CLI a real pseudo-terminal; we answer once the prompt is on screen.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, tactful, tempDir } from './helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

function answerPrompts(args: string[], answers: [RegExp, string][]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const command = ['node', BIN, ...args].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', HOME: tempDir() } });
    let output = '';
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const pending = answers[next];
      // The pseudo-terminal has no size, so the prompt wraps after every character.
      if (pending && pending[0].test(output.replace(/\s/g, ''))) {
        next += 1;
        child.stdin.write(pending[1]);
      }
    });
    child.on('close', (code) => done({ code, output }));
  });
}

describe('interactive prompts', () => {
  it('asks for a missing --name and saves the answer', async () => {
    const db = join(tempDir(), 'prompt.db');
    const result = await answerPrompts(['--db', db, 'add', 'contact', '--email', 'ana@fjord.example'], [[/Name/, 'Ana Souza\r']]);
    expect(result.output).toContain('Saved contact c1 (Ana Souza).');
    expect(result.code).toBe(0);
    const exported = JSON.parse((await tactful(['--db', db, 'export'])).stdout) as { contacts: { name: string; email: string }[] };
    expect(exported.contacts).toEqual([expect.objectContaining({ name: 'Ana Souza', email: 'ana@fjord.example' })]);
  }, 60_000);
});
