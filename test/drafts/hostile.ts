// The hostile inputs of RELIABILITY.md that reach a draft, spread over every free-text fact.
import type { Facts } from '../../src/core/types.js';

export const SCRIPT = '<script>alert("x")</script>';
export const MUSTACHE = "{{constructor.constructor('return process')().exit()}}";
export const TEMPLATE_LITERAL = '${process.exit(1)}';
export const CRLF_BCC = 'line one\r\nBcc: victim@example.com';
export const RTL = '\u202Egnp.exe\u202C';
/** What must never reach a draft: CR, C0/C1 controls (but LF), bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const HIDDEN = /[\r\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
export const LONG_NOTE = 'we talked about incident reviews and '.repeat(280).trim(); // > 10,000 characters

/** demoFacts() with every text field an attacker (or a clumsy paste) could fill made hostile. */
export function hostile(facts: Facts): Facts {
  const copy: Facts = structuredClone(facts);
  copy.settings.signature = `Jordan Lee ${SCRIPT}\r\nBcc: evil@example.com\njordan.lee@example.com ${RTL}\n${MUSTACHE}`;
  copy.contacts.forEach((c, i) => {
    c.name = i % 2 === 0 ? `${c.name} ${SCRIPT}` : `${c.name}${RTL} ${TEMPLATE_LITERAL}`;
    c.title = `${MUSTACHE}\r\n${c.title ?? ''}`;
    if (c.phone) c.phone = `${c.phone}\r\nX-Evil: 1`;
  });
  for (const app of copy.applications) {
    app.organization = `${app.organization} ${SCRIPT}`;
    app.role = `${app.role} ${MUSTACHE}\r\nBcc: victim@example.com ${RTL}`;
    app.prosCons.strengths = [`${RTL}${LONG_NOTE}`, TEMPLATE_LITERAL];
    for (const interview of app.interviews) {
      interview.notes = {
        keyPoints: [LONG_NOTE, MUSTACHE, `${SCRIPT} ${TEMPLATE_LITERAL}`],
        forgot: [`${CRLF_BCC} ${LONG_NOTE}`],
        promises: [
          `send ${SCRIPT} https://example.com/${TEMPLATE_LITERAL}`,
          `${MUSTACHE} ${LONG_NOTE}`,
        ],
        // Per-interviewer notes too (recruiters and agents still get the round's points).
        byInterviewer: interview.interviewers.map((contact) => ({
          contact,
          keyPoints: [`${CRLF_BCC} ${MUSTACHE}`, LONG_NOTE, `${RTL}!!! ${SCRIPT}`],
        })),
      };
    }
  }
  return copy;
}
