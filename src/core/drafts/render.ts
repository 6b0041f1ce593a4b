// A ready-to-send message for one outbound step (SPEC §4), checked by its own checker.
import { checkMessage } from '../checker/check-message.js';
import type { Finding } from '../checker/finding.js';
import { DomainError } from '../errors.js';
import { SEEKER_STEP_KINDS, type Channel, type Facts, type Step, type StepKind } from '../types.js';
import { bodyKey, renderTemplate, subjectKey, type TemplateSet } from './templates.js';
import { cleanInline } from './text.js';
import { buildView, type DraftOptions, type Recipient } from './view.js';

export interface Draft {
  kind: StepKind;
  channel: Channel;
  to: Recipient[];
  /** E-mail only; null for phone, voicemail, letter and LinkedIn. */
  subject: string | null;
  body: string;
  findings: Finding[];
}

/** How much of each free-text fact a draft quotes, from generous to none (see `fit`). */
const DETAIL_LEVELS = [200, 120, 70, 40, 0];

const URL_SPLIT = /(https?:\/\/\S+)/;

/**
 * Where a quoted note meets the template's own punctuation, one mark: "…." → "…",
 * "Yahoo!." → "Yahoo!", ".." → "." (URLs untouched).
 */
function onePunctuation(text: string): string {
  return text
    .split(URL_SPLIT)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/…\./g, '…')
            .replace(/([!?])\./g, '$1')
            .replace(/(?<!\.)\.\.(?!\.)/g, '.')
            .replace(/,([.!?])/g, '$1'),
    )
    .join('');
}

/** Plain-text tidy-up: no trailing spaces, at most one blank line in a row, no doubled marks. */
function tidy(text: string): string {
  return onePunctuation(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function template(templates: TemplateSet, name: string): string {
  const text = templates[name];
  if (text === undefined) {
    throw new DomainError(
      'not_found',
      `no template "${name}" (add templates/<locale>/${name}.mustache)`,
      'template',
    );
  }
  return text;
}

/**
 * Renders `step` from `templates` and runs the checker on the result. Long notes are quoted
 * less and less until the draft fits its kind's length limit. Throws `invalid_input` for a
 * step addressed to the seeker (debrief, reflect, move_on: nothing to send).
 */
export function renderDraft(
  step: Step,
  facts: Facts,
  templates: TemplateSet,
  options: DraftOptions = {},
): Draft {
  if (SEEKER_STEP_KINDS.includes(step.kind) || step.channel === null) {
    throw new DomainError(
      'invalid_input',
      `a ${step.kind} step is a note to yourself: there is no message to draft`,
      'step',
    );
  }
  const channel = step.channel;
  const bodyTemplate = template(templates, bodyKey(step.kind, channel));
  const subjectTemplate = channel === 'email' ? template(templates, subjectKey(step.kind)) : null;

  let draft: Draft | null = null;
  for (const detail of DETAIL_LEVELS) {
    const { view, recipients } = buildView(step, facts, options, detail);
    const body = tidy(renderTemplate(bodyKey(step.kind, channel), bodyTemplate, view));
    const subject =
      subjectTemplate === null
        ? null
        : cleanInline(renderTemplate(subjectKey(step.kind), subjectTemplate, view));
    const findings = checkMessage(
      { kind: step.kind, channel, subject, body, to: step.to, applicationId: step.application },
      facts,
    );
    draft = { kind: step.kind, channel, to: recipients, subject, body, findings };
    if (!findings.some((f) => f.rule === 'too_long')) break;
  }
  return draft!;
}
