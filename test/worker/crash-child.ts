// The worker as a child process for the kill test: opens the SQLite file, says "ready", then
// runs passes at a fixed clock (NOW) until nothing is left. The parent kills it with SIGKILL.
import { BusinessCalendar } from '../../src/core/calendar.js';
import { smtpMailer } from '../../src/mail/smtp.js';
import { secretBox } from '../../src/secrets/secret-box.js';
import { openDatabase } from '../../src/storage/index.js';
import { createMailStore } from '../../src/storage/outbox.store.js';
import { loadTemplates } from '../../src/templates/loader.js';
import { runWorkerOnce } from '../../src/worker/worker.js';

const env = process.env;
const database = await openDatabase({ sqlitePath: env.CRASH_DB! });
const store = createMailStore(database, secretBox(Buffer.from(env.CRASH_KEY!, 'base64')));
const now = Number(env.CRASH_NOW);
// Loaded before "ready": the kill window is the worker's own work.
const templates = Promise.resolve(await loadTemplates({ builtinDir: env.CRASH_TEMPLATES }));
const deps = {
  store,
  // The seeker has no applications: the digest's plan never asks for a holiday.
  calendar: new BusinessCalendar(() => new Set<string>()),
  clock: { now: () => now },
  templates: () => templates,
  mailerFor: (settings: Parameters<typeof smtpMailer>[0]) =>
    smtpMailer(settings, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 2_000 }),
  // One process at a time: anything found "sending" at the start of a pass was cut off.
  staleAfterMs: 0,
  batchSize: 1,
};
const t0 = performance.now();
process.stdout.write('ready\n');
for (let i = 0; i < 100; i += 1) {
  const report = await runWorkerOnce(deps);
  if (report.attempted + report.recovered + report.digestsCreated === 0) break;
}
await database.close();
process.stdout.write(`done ${Math.round(performance.now() - t0)}\n`);
