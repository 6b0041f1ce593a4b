// What is kept of a matched message: its first characters, and a stable key when it has no
// Message-ID. Pure.

/** Only this much of a matched message's text is ever stored (issue 10 §5). */
export const EXCERPT_CHARS = 500;

/** The first EXCERPT_CHARS characters, blank runs folded (code points, never half a pair). */
export function excerptOf(text: string): string {
  const folded = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return [...folded].slice(0, EXCERPT_CHARS).join('');
}

/**
 * The key a message is known by across re-scans: its Message-ID, else one made of what does not
 * change when a server renumbers its UIDs (sender, date, subject).
 */
export function inboxMessageKey(m: {
  messageId: string | null;
  from: { address: string } | null;
  date: string | null;
  subject: string;
}): string {
  if (m.messageId !== null && m.messageId.trim() !== '') return m.messageId.trim();
  return `<no-id ${m.from?.address.toLowerCase() ?? ''} ${m.date ?? ''} ${m.subject.trim()}>`;
}

/**
 * A short id for a stored message, derived from its key (FNV-1a, 64 bits, 12 hex digits): two
 * passes that find the same message at once pick the same id, so one of them simply finds it
 * stored.
 */
export function inboxMessageIdOf(key: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(key)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `m${hash.toString(16).padStart(16, '0').slice(0, 12)}`;
}
