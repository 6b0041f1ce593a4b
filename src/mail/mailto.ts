// A draft as a mailto: link (RFC 6068): addresses, subject and body percent-encoded as UTF-8.
import type { Draft } from '../core/drafts/index.js';
import { cleanInline } from '../core/drafts/text.js';
import { DomainError } from '../core/errors.js';
import { assertAddress } from './eml.js';

/** encodeURIComponent plus the sub-delimiters it leaves alone, which RFC 6068 reserves. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `mailto:a@x,b@y?subject=…&body=…`; line breaks in the body are sent as CRLF (%0D%0A). */
export function mailtoLink(draft: Draft): string {
  if (draft.channel !== 'email' || draft.subject === null) {
    throw new DomainError(
      'invalid_input',
      `this is a ${draft.channel} draft: only e-mail drafts have a mailto: link`,
      'format',
    );
  }
  const to = draft.to.map((r, i) => {
    if (!r.email)
      throw new DomainError(
        'invalid_input',
        `${r.name || r.id} has no e-mail address`,
        `to[${i}].email`,
      );
    const address = assertAddress(r.email, `to[${i}].email`);
    const at = address.lastIndexOf('@');
    return `${encode(address.slice(0, at))}@${encode(address.slice(at + 1))}`;
  });
  const body = draft.body.replace(/\r\n?|\n/g, '\r\n');
  return `mailto:${to.join(',')}?subject=${encode(cleanInline(draft.subject))}&body=${encode(body)}`;
}
