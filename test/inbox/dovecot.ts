// A real IMAP server for the tests: Debian's dovecot-imapd started in a temp dir (its own config,
// passwd-file with one test user, a Maildir owned by nobody) on a free loopback port. Messages
// are dropped into Maildir/new as files; UIDVALIDITY is forced by rewriting dovecot-uidlist.
// Absent dovecot: `apt-get install -y --no-install-recommends dovecot-imapd` (see .ci/run).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaled } from '../slowness.js';

export const DOVECOT = '/usr/sbin/dovecot';
export const DOVECOT_MISSING = !existsSync(DOVECOT);
export const DOVECOT_HINT =
  'dovecot is not installed: apt-get install -y --no-install-recommends dovecot-imapd';

export const IMAP_USER = 'seeker@example.test';
export const IMAP_PASSWORD = 'correct horse battery';

const NOBODY_UID = 65_534;
const NOGROUP_GID = 65_534;

export interface Dovecot {
  host: '127.0.0.1';
  /** Plain IMAP (STARTTLS offered when started with `tls`). */
  port: number;
  /** Implicit TLS (IMAPS) when started with `tls`, else 0. */
  tlsPort: number;
  /** The self-signed certificate (PEM) clients must trust, when started with `tls`. */
  ca: string | null;
  user: string;
  password: string;
  dir: string;
  /** Drops a raw RFC 5322 message into the folder's Maildir/new; `date` sets INTERNALDATE. */
  deliver(raw: string | Buffer, options?: { folder?: string; date?: Date }): Promise<void>;
  /** Many messages at once (files only; dovecot indexes them on the next SELECT/EXAMINE). */
  deliverMany(raws: Iterable<string | Buffer>, options?: { folder?: string }): Promise<number>;
  /** Creates a folder (a Maildir++ sub-folder) with no messages. */
  createFolder(name: string): Promise<void>;
  /**
   * Gives the folder a new UIDVALIDITY (its messages get new UIDs from 1), as a server does
   * after a rebuild: rewrites dovecot-uidlist and drops the indexes.
   */
  resetUidValidity(folder: string, uidValidity: number): Promise<void>;
  /** Flags of every message of a folder as dovecot stores them (Maildir file name suffix). */
  maildirFlags(folder?: string): Promise<string[]>;
  /** SIGTERM to the master; resolves when its pid file is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, port: number, tlsPort: number): string {
  const tls = tlsPort > 0;
  return `# tactful test dovecot (generated)
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
${tls ? `ssl = yes\nssl_cert = <${dir}/cert.pem\nssl_key = <${dir}/key.pem` : 'ssl = no'}
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
mail_privileged_group =
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

async function chownTree(path: string): Promise<void> {
  await chown(path, NOBODY_UID, NOGROUP_GID);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await chownTree(child);
    else await chown(child, NOBODY_UID, NOGROUP_GID);
  }
}

async function run(args: string[]): Promise<void> {
  // No inherited stdio: dovecot daemonizes and would keep the pipes open.
  const child = spawn(DOVECOT, args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`dovecot ${args.join(' ')} exited with ${code}`);
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + scaled(10_000);
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`dovecot: timed out waiting for ${what}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    import('node:net').then(({ connect }) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    }, () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes whose parent is `pid` (Linux /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/** A self-signed certificate for localhost and 127.0.0.1 (openssl), valid for a day. */
async function selfSigned(dir: string): Promise<string> {
  const child = spawn(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
      '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`openssl exited with ${code}`);
  return readFile(join(dir, 'cert.pem'), 'utf8');
}

/** `tls`: also IMAPS on a second port and STARTTLS on the first, with a self-signed certificate. */
export async function startDovecot(options: { tls?: boolean } = {}): Promise<Dovecot> {
  if (DOVECOT_MISSING) throw new Error(DOVECOT_HINT);
  const dir = await mkdtemp(join(tmpdir(), 'tactful-dovecot-'));
  // nobody must be able to walk to its home inside the temp dir.
  await chmod(dir, 0o755);
  const port = await freePort();
  const tlsPort = options.tls ? await freePort() : 0;
  const ca = options.tls ? await selfSigned(dir) : null;
  const home = join(dir, 'home', IMAP_USER);
  const maildir = join(home, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(maildir, sub), { recursive: true });
  await chownTree(join(dir, 'home'));
  await writeFile(join(dir, 'passwd'), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}\n`, { mode: 0o644 });
  const conf = join(dir, 'dovecot.conf');
  await writeFile(conf, config(dir, port, tlsPort));
  const pidFile = join(dir, 'run', 'master.pid');

  const folderDir = (folder = 'INBOX') =>
    folder.toUpperCase() === 'INBOX' ? maildir : join(maildir, `.${folder}`);

  const start = async () => {
    await run(['-c', conf]);
    await waitFor(() => accepts(port), `a greeting on port ${port}`);
  };

  const stop = async () => {
    let pid: number;
    try {
      pid = Number((await readFile(pidFile, 'utf8')).trim());
    } catch {
      return;
    }
    // Its children (imap sessions, log, stats) outlive the master: end them too, as a server
    // that goes away would.
    const children = await childrenOf(pid);
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    await waitFor(async () => !alive(pid), 'the master to exit');
    for (const child of children) {
      try {
        process.kill(child, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await waitFor(async () => children.every((child) => !alive(child)), 'its processes to exit');
  };

  let counter = 0;
  const fileName = () => `${Date.now()}.M${(counter += 1)}P${process.pid}.${randomUUID().slice(0, 8)}.test`;

  const writeMessage = async (folder: string | undefined, raw: string | Buffer, date?: Date) => {
    const target = join(folderDir(folder), 'new', fileName());
    await writeFile(target, raw);
    await chown(target, NOBODY_UID, NOGROUP_GID);
    if (date) await utimes(target, date, date);
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    tlsPort,
    ca,
    user: IMAP_USER,
    password: IMAP_PASSWORD,
    dir,
    deliver: (raw, options = {}) => writeMessage(options.folder, raw, options.date),
    async deliverMany(raws, options = {}) {
      let n = 0;
      const pending: Promise<void>[] = [];
      for (const raw of raws) {
        pending.push(writeMessage(options.folder, raw));
        n += 1;
        if (pending.length >= 200) await Promise.all(pending.splice(0));
      }
      await Promise.all(pending);
      return n;
    },
    async createFolder(name) {
      const path = folderDir(name);
      for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(path, sub), { recursive: true });
      await writeFile(join(path, 'maildirfolder'), '');
      await chownTree(path);
      const subscriptions = join(maildir, 'subscriptions');
      const existing = existsSync(subscriptions) ? await readFile(subscriptions, 'utf8') : '';
      await writeFile(subscriptions, `${existing}${name}\n`);
      await chown(subscriptions, NOBODY_UID, NOGROUP_GID);
    },
    async resetUidValidity(folder, uidValidity) {
      const path = folderDir(folder);
      for (const name of await readdir(path)) {
        if (name.startsWith('dovecot.index') || name === 'dovecot-uidlist') {
          await rm(join(path, name), { force: true });
        }
      }
      // Every message back to new/ so that dovecot numbers them afresh under the new UIDVALIDITY.
      const uidlist = join(path, 'dovecot-uidlist');
      await writeFile(uidlist, `3 V${uidValidity} N1 G${randomUUID().replaceAll('-', '')}\n`);
      await chown(uidlist, NOBODY_UID, NOGROUP_GID);
    },
    async maildirFlags(folder) {
      const path = folderDir(folder);
      const names = [
        ...(await readdir(join(path, 'cur'))),
        ...(await readdir(join(path, 'new'))),
      ];
      return names.map((name) => name.split(':2,')[1] ?? '');
    },
    stop,
    start,
  };
}

/** Stops dovecot and removes its temp dir. */
export async function removeDovecot(server: Dovecot | undefined): Promise<void> {
  if (!server) return;
  await server.stop();
  await rm(server.dir, { recursive: true, force: true });
}
