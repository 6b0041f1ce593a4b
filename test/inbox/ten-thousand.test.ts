// The first pass over 10,000 messages in INBOX: every header read once, in UID order, in
// batches (memory bounded by the batch, not the folder). Prints the time and the memory it
// took for the notes; asserts behaviour only (no timed assertion).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { imapMailbox } from '../../src/inbox/imap-mailbox.js';
import { removeDovecot, startDovecot, type Dovecot } from './dovecot.js';
import { plain } from './messages.js';

const COUNT = 10_000;
let server: Dovecot;

beforeAll(async () => {
  server = await startDovecot();
  await server.deliverMany(
    (function* () {
      for (let i = 0; i < COUNT; i += 1) yield plain(i);
    })(),
  );
});
afterAll(() => removeDovecot(server));

it(`reads the headers of ${COUNT.toLocaleString('en')} messages once, in UID order`, async () => {
  const mailbox = imapMailbox({
    host: server.host,
    port: server.port,
    tls: 'none',
    user: server.user,
    password: server.password,
  });
  const session = await mailbox.open();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  let count = 0;
  let lastUid = 0;
  let ordered = true;
  try {
    for await (const headers of session.headers('INBOX', 0, new Date(Date.now() - 30 * 86_400_000))) {
      if (headers.uid <= lastUid) ordered = false;
      lastUid = headers.uid;
      count += 1;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  } finally {
    clearInterval(sampler);
    await session.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `inbox first pass: ${count} messages in ${seconds.toFixed(2)} s (${Math.round(count / seconds)}/s); ` +
      `RSS ${mib(baseline)} → peak ${mib(peak)} MiB (+${mib(peak - baseline)}), process max ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
  );
  expect(count).toBe(COUNT);
  expect(ordered).toBe(true);
  expect(lastUid).toBe(COUNT);
});
