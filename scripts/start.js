#!/usr/bin/env node
/* global process, console */
// `npm start`: build what is missing or older than its sources (dist/ for the server,
// web/dist/ for the web app), then run `tactful serve` with any extra arguments
// (`npm start -- --port 5000`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time under `path` (a file or a folder), 0 when missing. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(script) {
  console.log(`tactful: building (npm run ${script}) …`);
  const result = spawnSync('npm', ['run', script, '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`tactful: npm run ${script} failed`);
    process.exit(result.status ?? 1);
  }
}

const serverBuilt = mtime(join(ROOT, 'dist/main/server.js'));
if (serverBuilt === 0 || serverBuilt < newest(join(ROOT, 'src'))) run('build');
const webBuilt = mtime(join(ROOT, 'web/dist/index.html'));
if (
  existsSync(join(ROOT, 'web/index.html')) &&
  (webBuilt === 0 ||
    webBuilt < Math.max(newest(join(ROOT, 'web/src')), mtime(join(ROOT, 'web/index.html'))))
) {
  run('build:web');
}

// The server is a child: a signal sent to this process (SIGTERM from a process manager, or
// SIGINT) is passed on, and this process ends only when the server has, with its status, so
// stopping `npm start` never leaves a server holding the port.
const child = spawn(
  process.execPath,
  [join(ROOT, 'bin/tactful.js'), 'serve', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`tactful: could not start the server: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  // A server stopped by a signal exits 128 + its number, as a shell reports it.
  const signals = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  process.exit(code ?? 128 + (signals[signal] ?? 0));
});
