// The `tactful` process: the only place that touches process.*, the real clock and the real
// file system for the CLI. Heavy modules (storage, policy, holidays) load inside openServices,
// so `tactful --help` stays fast and never opens a database.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { runCli } from '../cli/run.js';
import { loadConfig } from '../config/config.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    // Node omits the path on some errors (EISDIR); the message must still name the file.
    if (error && typeof error === 'object' && !('path' in error)) Object.assign(error, { path });
    throw error;
  }
}

// `tactful export | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    version: packageVersion(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdinIsTty: process.stdin.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    loadConfig: (dbFlag) =>
      loadConfig({ env: process.env, dbFlag, homeDir: homedir(), cwd: process.cwd(), stdoutIsTty: process.stdout.isTTY === true }),
    openServices: async (config, options) => (await import('./services.js')).openServices(config, { now: () => Date.now() }, options),
    sampleCommands: async (config) => (await import('./services.js')).sampleCommands(config, { now: () => Date.now() }),
    readTextFile,
  },
  process.env.TACTFUL_DEBUG === '1',
);
