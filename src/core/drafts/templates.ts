// Logic-less templates (mustache) rendered as plain text: values are inserted verbatim and
// never re-rendered, so a note containing {{…}}, ${…} or markup is printed as text.
import Mustache from 'mustache';
import { DomainError } from '../errors.js';
import { ANSWER_OFFER_VARIANTS, type Channel, type DraftVariant, type StepKind } from '../types.js';
import { PROMISE_VARIABLES, VIEW_VARIABLES } from './view.js';

/**
 * Template texts keyed by file name without the extension: `<kind>.<channel>` for a body,
 * `<kind>.email.subject` for an e-mail subject (e.g. `thank_you.email.subject`).
 */
export type TemplateSet = Readonly<Record<string, string>>;

/** The channels each outbound kind can be planned on (SPEC §3.1 "People and channels"). */
export const DRAFT_CHANNELS: Readonly<Partial<Record<StepKind, readonly Channel[]>>> = {
  thank_you: ['email', 'linkedin', 'letter'],
  status_check: ['email', 'phone', 'voicemail', 'letter'],
  check_in: ['email', 'phone', 'letter'],
  offer_update: ['email', 'phone', 'letter'],
  withdraw: ['email', 'phone', 'letter'],
  answer_offer: ['email', 'phone'],
  final_thanks: ['email', 'phone', 'letter'],
  keep_warm: ['email', 'phone', 'letter'],
  connect: ['linkedin'],
  references_heads_up: ['email', 'phone'],
};

/** Kinds with more than one draft; the first variant is the default. */
export const DRAFT_VARIANTS: Readonly<Partial<Record<StepKind, readonly DraftVariant[]>>> = {
  answer_offer: ANSWER_OFFER_VARIANTS,
};

/** `answer_offer_accept` for a variant, else the kind itself. */
function baseName(kind: StepKind, variant?: DraftVariant | null): string {
  return variant ? `${kind}_${variant}` : kind;
}

export function bodyKey(kind: StepKind, channel: Channel, variant?: DraftVariant | null): string {
  return `${baseName(kind, variant)}.${channel}`;
}

export function subjectKey(kind: StepKind, variant?: DraftVariant | null): string {
  return `${baseName(kind, variant)}.email.subject`;
}

/** Every template name the built-in set must provide. */
export function requiredTemplateNames(): string[] {
  const names: string[] = [];
  for (const [kind, channels] of Object.entries(DRAFT_CHANNELS) as [
    StepKind,
    readonly Channel[],
  ][]) {
    for (const variant of DRAFT_VARIANTS[kind] ?? [null]) {
      for (const channel of channels) names.push(bodyKey(kind, channel, variant));
      if (channels.includes('email')) names.push(subjectKey(kind, variant));
    }
  }
  return names;
}

const KNOWN_VARIABLES = new Set<string>([...VIEW_VARIABLES, ...PROMISE_VARIABLES, '.']);

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/** The first unknown variable or partial in parsed tokens, if any. */
function unknownTag(tokens: Token[]): string | null {
  for (const [type, value, , , children] of tokens) {
    if (type === '>') return `{{> ${value}}} (partials are not supported)`;
    if (['name', '&', '#', '^'].includes(type) && !KNOWN_VARIABLES.has(value))
      return `{{${value}}} (see templates/en/README.md)`;
    const inner = children ? unknownTag(children) : null;
    if (inner) return inner;
  }
  return null;
}

/**
 * Throws `invalid_input` naming the template when its mustache syntax is broken or it uses a
 * variable tactful does not provide (a typo would otherwise print nothing, silently).
 */
export function assertTemplate(name: string, text: string): void {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'syntax error';
    throw new DomainError('invalid_input', `template ${name}: ${reason}`, `templates.${name}`);
  }
  const unknown = unknownTag(tokens);
  if (unknown)
    throw new DomainError(
      'invalid_input',
      `template ${name}: unknown variable ${unknown}`,
      `templates.${name}`,
    );
}

/** Mustache views without a prototype, so `{{constructor}}` in a template resolves to nothing. */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) out[k] = bare(v);
    return out;
  }
  return value;
}

/** Renders plain text: no HTML escaping, no partials, values never evaluated. */
export function renderTemplate(name: string, text: string, view: object): string {
  assertTemplate(name, text);
  return Mustache.render(text, bare(view), {}, { escape: (value: unknown) => String(value) });
}
