export type Severity = 'error' | 'warning' | 'info';

/** One problem the checker found. `start`/`end` are UTF-16 offsets into `in` (end exclusive). */
export interface Finding {
  /** Stable id, e.g. `pushy_wording` (see RULES). */
  rule: string;
  severity: Severity;
  message: string;
  in: 'subject' | 'body' | 'to';
  start: number;
  end: number;
}

/** The checker's rules: stable ids, each with its usual severity and what it is for. */
export const RULES = {
  pushy_wording: {
    severity: 'error',
    about: 'ultimatums and pressure ("need an answer by", "otherwise I will")',
  },
  outcome_question: {
    severity: 'error',
    about:
      'asking for the outcome, in any tense ("did I get the job", "have I been selected", "had you made a decision yet")',
  },
  pleading: {
    severity: 'error',
    about: 'begging or desperation ("I really need this job", "please, I\'m begging")',
  },
  apologetic_follow_up: {
    severity: 'warning',
    about: 'apologising for following up ("sorry to bother you again")',
  },
  follow_up_count: {
    severity: 'warning',
    about:
      'counting your own follow-ups ("following up for the third time", "this is my 4th email")',
  },
  exclamation_run: {
    severity: 'warning',
    about: 'runs of exclamation or question marks ("!!!", "?!?")',
  },
  gift: {
    severity: 'error',
    about: 'gifts of any kind (flowers, muffins, hampers, vouchers, gift cards…)',
  },
  wrong_organization: {
    severity: 'error',
    about: "another application's organisation named in the message",
  },
  foreign_contact: { severity: 'error', about: 'a person who does not belong to this application' },
  greeting_mismatch: { severity: 'error', about: 'a greeting that does not match the recipient' },
  unfilled_placeholder: {
    severity: 'error',
    about: 'template slots left in: {{…}}, ${…}, [NAME], <name>',
  },
  todo_note: {
    severity: 'warning',
    about: 'a note to the seeker ("[Add before sending: …]") still in the text',
  },
  too_long: {
    severity: 'error',
    about:
      "over the kind's length (thank-you 250 words, status check 120, check-in 150, LinkedIn note 300 characters)",
  },
  missing_contact_details: {
    severity: 'warning',
    about: "a thank-you without the seeker's e-mail or phone",
  },
  header_injection: {
    severity: 'error',
    about: 'line breaks or control characters in the subject or an address',
  },
  hidden_characters: {
    severity: 'warning',
    about: 'control or right-to-left override characters in the body',
  },
} as const satisfies Record<string, { severity: Severity; about: string }>;

export type RuleId = keyof typeof RULES;
