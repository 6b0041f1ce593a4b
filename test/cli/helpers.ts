// The BUILT CLI on temporary databases: `tactful` spawns `node bin/tactful.js …` as a user would;
// `cli` runs the same build in this process where the process boundary proves nothing.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/**
 * A private build (its own dist/, a copy of bin/tactful.js, node_modules linked): other
 * engineers rebuild the shared dist/ at any moment, and a half-written dist/ must not make
 * these tests flaky. The launcher is the real one; the code is compiled file by file as
 * `npm run build` compiles it (esbuild instead of tsc: the same JavaScript, much sooner).
 */
// One per clone and per Node ABI: a copy of node_modules made for `nobody` holds native
// addons built for the Node that made it (CI runs the suite on Node 20, then Node 24).
const BUILD = join(tmpdir(), `tactful-cli-e2e-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}-abi${process.versions.modules}`);
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

/** Every TypeScript source under `dir` except tests, as tsconfig.build.json selects them. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
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
      // esbuild emits what tsc would (isolatedModules + verbatimModuleSyntax: one file at a
      // time, types erased) in well under a second, where tsc takes minutes on a busy machine;
      // type errors are `npm run typecheck`'s business, not these tests'.
      buildSync({
        entryPoints: sources(join(ROOT, 'src')),
        outdir: join(BUILD, 'dist'),
        outbase: join(ROOT, 'src'),
        format: 'esm',
        platform: 'node',
        target: 'es2022',
        logLevel: 'error',
      });
    }
    // The installed package has templates/ and web/ beside dist/: commands that read them
    // (drafts, the worker's digest, serve) must find them whichever test file built first.
    for (const folder of ['templates', 'web']) {
      if (!existsSync(join(BUILD, folder))) symlinkSync(join(ROOT, folder), join(BUILD, folder));
    }
    statSync(BUILT);
    if (process.getuid?.() === 0) readableByNobody();
  } finally {
    rmdirSync(lock);
  }
}

const asNobody = (...command: string[]) => spawnSync('runuser', ['-u', 'nobody', '--', ...command]).status === 0;

/**
 * The read-only tests run the CLI as `nobody`, who must read the private build and its
 * packages. The clone (and so its node_modules) may lie where nobody cannot go (a home folder
 * of mode 700): then the build gets its own copy of node_modules, hard-linked when the file
 * system allows (fast), copied otherwise. Never depends on the clone's parent folders.
 */
function readableByNobody(): void {
  const probe = join(BUILD, 'node_modules', 'kysely', 'package.json');
  if (asNobody('test', '-r', probe) && asNobody('test', '-r', BUILT)) return;
  if (!asNobody('test', '-x', BUILD)) {
    throw new Error(`${BUILD} is not reachable by the user nobody: set TMPDIR to a folder every user can traverse (e.g. /tmp)`);
  }
  const modules = join(BUILD, 'node_modules');
  if (lstatSync(modules).isSymbolicLink()) rmSync(modules);
  else rmSync(modules, { recursive: true, force: true });
  const source = realpathSync(join(ROOT, 'node_modules'));
  if (spawnSync('cp', ['-al', source, modules]).status !== 0) {
    rmSync(modules, { recursive: true, force: true });
    execFileSync('cp', ['-a', source, modules]);
  }
  if (!asNobody('test', '-r', probe)) throw new Error(`the user nobody still cannot read ${probe}`);
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

interface BuiltCli {
  runCli: typeof import('../../src/cli/run.js').runCli;
  loadConfig: typeof import('../../src/config/config.js').loadConfig;
  openServices: typeof import('../../src/main/services.js').openServices;
  sampleCommands: typeof import('../../src/main/services.js').sampleCommands;
}
let built: Promise<BuiltCli> | undefined;

function loadBuilt(): Promise<BuiltCli> {
  const load = async <T>(path: string): Promise<T> => (await import(/* @vite-ignore */ pathToFileURL(join(BUILD, 'dist', path)).href)) as T;
  built ??= Promise.all([
    load<typeof import('../../src/cli/run.js')>('cli/run.js'),
    load<typeof import('../../src/config/config.js')>('config/config.js'),
    load<typeof import('../../src/main/services.js')>('main/services.js'),
  ]).then(([run, config, services]) => ({
    runCli: run.runCli,
    loadConfig: config.loadConfig,
    openServices: services.openServices,
    sampleCommands: services.sampleCommands,
  }));
  return built;
}

/**
 * The built CLI run in this process, wired exactly as src/main/cli.ts wires it (same env,
 * config, services, real clock): for the many cases where a process boundary proves nothing.
 * What needs one (stdin, another user, exit codes of the process, signals) uses `tactful`.
 */
export async function cli(args: string[], options: Pick<RunOptions, 'env'> = {}): Promise<RunResult> {
  const { runCli, loadConfig, openServices, sampleCommands } = await loadBuilt();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), XDG_CACHE_HOME: join(BUILD, 'cache') };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  let stdout = '';
  let stderr = '';
  const version = (JSON.parse(readFileSync(join(BUILD, 'package.json'), 'utf8')) as { version: string }).version;
  const code = await runCli(
    args,
    {
      version,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      stdinIsTty: false,
      columns: undefined,
      loadConfig: (dbFlag) => loadConfig({ env, dbFlag, homeDir: env.HOME!, cwd: process.cwd(), stdoutIsTty: false }),
      openServices: (config, opts) => openServices(config, { now: () => Date.now() }, opts),
      sampleCommands: async (config) => sampleCommands(config, { now: () => Date.now() }),
      readTextFile: async (path) => {
        try {
          return readFileSync(path, 'utf8');
        } catch (error) {
          if (error && typeof error === 'object' && !('path' in error)) Object.assign(error, { path });
          throw error;
        }
      },
    },
    env.TACTFUL_DEBUG === '1',
  );
  return { code, stdout, stderr };
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
