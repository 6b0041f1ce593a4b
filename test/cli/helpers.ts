// Spawning the BUILT binary, as a user would: `node bin/tactful.js …` on a temporary database.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/**
 * A private build (its own dist/, a copy of bin/tactful.js, node_modules linked): other
 * engineers rebuild the shared dist/ at any moment, and a half-written dist/ must not make
 * these tests flaky. The launcher and the compiled code are exactly what `npm run build` makes.
 */
const BUILD = join(tmpdir(), `tactful-cli-e2e-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`);
export const BIN = join(BUILD, 'bin', 'tactful.js');
const BUILT = join(BUILD, 'dist', 'main', 'cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds once when any source is newer than the private build. A lock directory keeps
 * parallel test files from building at the same time. Type errors in files still in progress
 * elsewhere do not stop tsc from emitting, so only a missing output fails.
 */
export function ensureBuilt(): void {
  mkdirSync(join(BUILD, 'bin'), { recursive: true });
  const lock = join(BUILD, '.lock');
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 3000) throw new Error('timed out waiting for another test file to build');
      execFileSync('sleep', ['0.1']);
    }
  }
  try {
    if (mtime(BUILT) < Math.max(newestSource(join(ROOT, 'src')), mtime(join(ROOT, 'bin', 'tactful.js')))) {
      copyFileSync(join(ROOT, 'bin', 'tactful.js'), BIN);
      copyFileSync(join(ROOT, 'package.json'), join(BUILD, 'package.json'));
      if (!existsSync(join(BUILD, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(BUILD, 'node_modules'));
      try {
        execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(BUILD, 'dist')], { cwd: ROOT, stdio: 'pipe' });
      } catch {
        // Emitted anyway (noEmitOnError is off); checked below.
      }
    }
    statSync(BUILT);
  } finally {
    rmdirSync(lock);
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  /** Run as the unprivileged `nobody` (root ignores file modes); only when we are root. */
  unprivileged?: boolean;
}

/** Runs the CLI with a clean environment (no DATABASE_URL, no colour settings inherited). */
export function tactful(args: string[], options: RunOptions = {}): Promise<RunResult> {
  // A private holiday cache per test run keeps the user's ~/.cache out of it.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), XDG_CACHE_HOME: join(BUILD, 'cache') };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  return new Promise((done) => {
    const asNobody = options.unprivileged === true && process.getuid?.() === 0;
    const [command, argv] = asNobody ? ['runuser', ['-u', 'nobody', '--', 'node', BIN, ...args]] : ['node', [BIN, ...args]];
    const child = execFile(command, argv, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** A fresh temporary directory for one test's databases and files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tactful-cli-'));
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** Asserts the failure shape every user error must have: exit 1, one `tactful: …` line. */
export function oneLineError(result: RunResult): string {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  if (result.code !== 1 || lines.length !== 1 || !lines[0]!.startsWith('tactful: ')) {
    throw new Error(`expected exit 1 and one "tactful:" line, got exit ${result.code}:\n${result.stderr}\n${result.stdout}`);
  }
  return lines[0]!;
}

/**
 * The sample search imported as the seeker's OWN data (`tactful import`), for suites that need
 * a realistic database: `tactful demo` keeps its sample apart, beside the seeker's file.
 */
export async function importSampleAsOwn(db: string | null, options: RunOptions = {}): Promise<RunResult> {
  const { sampleDocument } = await import('../../src/app/sample.js');
  const file = writeJson(tempDir(), 'sample.json', sampleDocument({ now: () => Date.now() }));
  return tactful([...(db === null ? [] : ['--db', db]), 'import', file], options);
}
