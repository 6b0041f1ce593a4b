// A suggestion of what a matched reply is (issue 10 §3): rule-based and explainable, each with
// the words that led to it, for the seeker to confirm or change. Pure; dates are read relative
// to the day the message was written in the seeker's zone.
import type { IsoDate } from '../types.js';
import { findDate } from './dates.js';

export const SUGGESTIONS = [
  'reply',
  'update',
  'invitation',
  'offer',
  'rejection',
  'auto_reply',
] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

export interface Classification {
  suggestion: Suggestion;
  /** Why, in the seeker's words: `it says "move forward with other candidates"`. */
  why: string;
  newDecisionDate: IsoDate | null;
  onHold: boolean;
  offerDeadline: IsoDate | null;
}

const REJECTION = [
  /move forward with (?:other|another|a different) (?:candidates?|applicants?)/i,
  /(?:decided|chosen|decision) to (?:move forward|proceed|go ahead|continue) with (?:other|another|a different)/i,
  /(?:will not|won't|not be|are not|aren't) (?:be )?(?:moving forward|progressing|proceeding|taking (?:your|this) application further)/i,
  /decided not to (?:proceed|progress|move forward|continue|pursue)/i,
  /not to (?:proceed|progress|move forward) with your (?:application|candidacy)/i,
  /(?:position|role|vacancy) has (?:now )?been filled/i,
  /regret to (?:inform|let you know|tell you)/i,
  /(?:pursue|pursuing) other candidates/i,
  /not (?:been )?(?:selected|successful)(?: for| on| this| in)/i,
  /unable to offer you/i,
];

const OFFER = [
  /(?:pleased|happy|delighted|excited|thrilled) to (?:extend |make )?(?:you )?(?:an |a formal |a verbal )?offer/i,
  /(?:would like|want) to (?:extend |make )?(?:you )?(?:an |a formal )?offer/i,
  /(?:extend|extending|make|making) (?:you )?an offer/i,
  /offer (?:of employment|letter)/i,
  /(?:pleased|happy|delighted) to offer you/i,
];

const OFFER_DEADLINE =
  /(?:by|before|until|no later than|deadline(?: is| of)?|valid (?:until|through)|expires? on|respond by|answer by)\s+/gi;

const INVITATION = [
  /invite you (?:to|for) (?:a |an |the )?(?:second|third|final|next|follow[- ]up|further|onsite|on-site|technical|panel)?\s*(?:round|interview|conversation|call|meeting|stage)/i,
  /(?:schedule|set up|arrange|book) (?:a |an |the )?(?:(?:second|third|final|next|follow[- ]up|further|technical|panel) )?(?:round|interview|call|meeting|conversation)/i,
  /(?:next|second|third|final) (?:round|stage) (?:of|interview)/i,
  /(?:move|moving) (?:you )?(?:forward|on) to the (?:next|second|third|final) (?:round|stage)/i,
  /(?:your|a) availability for/i,
];

const ON_HOLD = [
  /(?:is|are|has been|have been|been|was|were|put|placed|putting) (?:temporarily )?on hold/i,
  /hiring (?:freeze|pause)/i,
  /(?:paused|pausing|suspended|suspending) (?:the |this |our )?(?:hiring|recruitment|recruiting|search|process|role|position)/i,
];

const DECISION = [
  /(?:decide|decision|decisions|get back to you|update you|let you know|come back to you|be in touch|hear from us|have (?:an )?(?:answer|update|news))[^.!?\n]{0,40}?\b(?:by|before|on|until|no later than|around|after)\s+/gi,
  /(?:expect|hope|plan|aim) to (?:make|have|reach|finish|complete|wrap up)[^.!?\n]{0,40}?\b(?:by|before|on|until)\s+/gi,
];

function first(text: string, rules: readonly RegExp[]): string | null {
  for (const rule of rules) {
    const m = rule.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}

/** The date a phrase ends on ("…decide by" + "18 December"): within a few words of its end. */
function dateAfter(
  text: string,
  rules: readonly RegExp[],
  from: IsoDate,
): { date: IsoDate; words: string } | null {
  for (const rule of rules) {
    rule.lastIndex = 0;
    for (let m = rule.exec(text); m !== null; m = rule.exec(text)) {
      const after = m.index + m[0].length;
      const found = findDate(text.slice(after, after + 40), from);
      if (found !== null && found.index <= 12) {
        return {
          date: found.date,
          words: text
            .slice(m.index, after + found.end)
            .trim()
            .replace(/\.$/, ''),
        };
      }
    }
  }
  return null;
}

const quote = (words: string) => `"${words.replace(/\s+/g, ' ')}"`;

/**
 * What the message most likely is, checked from the strongest outcome down: rejection, offer,
 * invitation (a calendar part, or words asking to schedule a round), on hold, a new decision
 * date, else a plain reply. `messageDate` is the day it was written in the seeker's zone.
 */
export function classifyReply(
  message: { subject: string; text: string; hasCalendar: boolean },
  messageDate: IsoDate,
): Classification {
  const text = `${message.subject}\n${message.text}`;
  const base = { newDecisionDate: null, onHold: false, offerDeadline: null };
  const rejection = first(text, REJECTION);
  if (rejection !== null)
    return { ...base, suggestion: 'rejection', why: `it says ${quote(rejection)}` };
  const offer = first(text, OFFER);
  if (offer !== null) {
    const deadline = dateAfter(text, [OFFER_DEADLINE], messageDate);
    return {
      ...base,
      suggestion: 'offer',
      offerDeadline: deadline?.date ?? null,
      why:
        deadline === null
          ? `it says ${quote(offer)}`
          : `it says ${quote(offer)} and ${quote(deadline.words)}`,
    };
  }
  if (message.hasCalendar)
    return { ...base, suggestion: 'invitation', why: 'it carries a calendar invitation' };
  const invitation = first(text, INVITATION);
  if (invitation !== null)
    return { ...base, suggestion: 'invitation', why: `it says ${quote(invitation)}` };
  const hold = first(text, ON_HOLD);
  const decision = dateAfter(text, DECISION, messageDate);
  if (hold !== null)
    return {
      ...base,
      suggestion: 'update',
      onHold: true,
      newDecisionDate: decision?.date ?? null,
      why: `it says ${quote(hold)}`,
    };
  if (decision !== null)
    return {
      ...base,
      suggestion: 'update',
      newDecisionDate: decision.date,
      why: `it says ${quote(decision.words)}`,
    };
  return {
    ...base,
    suggestion: 'reply',
    why: 'a person answered; nothing in it reads as a decision',
  };
}
