// A real SMTP server on 127.0.0.1 (smtp-server) whose behaviour the test scripts per
// connection: accept, refuse with 421/450/550, stall before DATA, drop the connection after the
// final "." (having kept the message), or reject the login. Counts deliveries by Message-ID.
import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type PeerBehaviour =
  | 'accept'
  | 'greeting-421'
  | 'rcpt-450'
  | 'rcpt-550'
  | 'data-550'
  | 'stall-before-data'
  | 'drop-after-dot'
  | 'stall-after-dot'
  | 'auth-fail';

export interface SmtpPeer {
  port: number;
  /** Message-ID → how many times the server kept that message. */
  deliveries: Map<string, number>;
  /** Raw messages kept, in order. */
  messages: string[];
  connections: number;
  /** The behaviour for the next connections (the last one repeats). */
  script(behaviours: PeerBehaviour[]): void;
  close(): Promise<void>;
}

const USER = 'seeker';
export const PEER_PASSWORD = 'correct horse';

/** `replyDelayMs`: a pause between the final "." and the 250 (widens the kill window). */
export async function startSmtpPeer(options: { replyDelayMs?: number } = {}): Promise<SmtpPeer> {
  let queue: PeerBehaviour[] = ['accept'];
  const sockets = new Map<number, Socket>();
  const behaviourOf = new Map<string, PeerBehaviour>();
  const peer: Omit<SmtpPeer, 'port' | 'close'> = {
    deliveries: new Map(),
    messages: [],
    connections: 0,
    script(behaviours) {
      queue = [...behaviours];
    },
  };
  const next = (): PeerBehaviour => (queue.length > 1 ? queue.shift()! : queue[0]!);
  const refuse = (code: number, text: string) =>
    Object.assign(new Error(text), { responseCode: code });

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    logger: false,
    onConnect(session, callback) {
      peer.connections += 1;
      const behaviour = next();
      behaviourOf.set(session.id, behaviour);
      if (behaviour === 'greeting-421')
        return callback(refuse(421, 'Service not available, try later'));
      callback();
    },
    onAuth(auth, session, callback) {
      const wrong =
        behaviourOf.get(session.id) === 'auth-fail' ||
        auth.username !== USER ||
        auth.password !== PEER_PASSWORD;
      if (wrong) return callback(refuse(535, 'Authentication credentials invalid'));
      callback(null, { user: USER });
    },
    onMailFrom(_address, session, callback) {
      // Never answering MAIL FROM: the client times out before DATA.
      if (behaviourOf.get(session.id) === 'stall-before-data') return;
      callback();
    },
    onRcptTo(_address, session, callback) {
      const behaviour = behaviourOf.get(session.id);
      if (behaviour === 'rcpt-450') return callback(refuse(450, 'Mailbox busy, try later'));
      if (behaviour === 'rcpt-550') return callback(refuse(550, 'No such user'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const behaviour = behaviourOf.get(session.id);
        if (behaviour === 'data-550') return callback(refuse(550, 'Message rejected as spam'));
        const raw = Buffer.concat(chunks).toString('utf8');
        peer.messages.push(raw);
        const id = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '(none)';
        peer.deliveries.set(id, (peer.deliveries.get(id) ?? 0) + 1);
        // Kept, but the reply never comes: the client times out after the final ".".
        if (behaviour === 'stall-after-dot') return;
        if (behaviour === 'drop-after-dot') {
          // The server has the message; the client never hears "250".
          sockets.get(session.remotePort)?.destroy();
          return;
        }
        if (options.replyDelayMs)
          setTimeout(() => callback(null, 'OK: queued'), options.replyDelayMs);
        else callback(null, 'OK: queued');
      });
    },
  });
  // smtp-server re-emits every connection's socket error on the server: a client killed
  // mid-conversation (the crash test) resets its socket, which is expected, not a fault.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error('smtp peer:', error);
  });
  // smtp-server does not hand out its sockets: remember them by the client's port.
  server.server.on('connection', (socket: Socket) => {
    socket.on('error', () => undefined);
    if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...peer,
    get deliveries() {
      return peer.deliveries;
    },
    get messages() {
      return peer.messages;
    },
    get connections() {
      return peer.connections;
    },
    script: peer.script,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const PEER_USER = USER;
