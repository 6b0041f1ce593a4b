// The morning digest: the day's steps (overdue and due today, plus thank-yous due tomorrow:
// their 24-hour deadline falls before the next digest) with their drafts inline, as plain
// text to the seeker's own mailbox.
import { renderDraft, type TemplateSet } from '../core/drafts/index.js';
import { addDays } from '../core/calendar.js';
import type { Facts, IsoDate, Plan } from '../core/types.js';
import { stepTitle } from '../feed/step-title.js';

export interface DigestText {
  subject: string;
  body: string;
  /** How many steps it lists. */
  count: number;
}

export function composeDigest(
  plan: Plan,
  facts: Facts,
  templates: TemplateSet,
  date: IsoDate,
): DigestText {
  const tomorrow = addDays(date, 1);
  const steps = plan.steps.filter(
    (s) => s.due <= date || (s.kind === 'thank_you' && s.due <= tomorrow),
  );
  const lines: string[] = [];
  if (steps.length === 0) {
    lines.push(
      'Nothing is due today. Keep your search going: one new application a week keeps options open.',
    );
  }
  steps.forEach((step, i) => {
    const when =
      step.dueAt !== null
        ? ` — by ${step.dueAt}`
        : step.due < date
          ? ` — overdue since ${step.due}`
          : '';
    lines.push(`${i + 1}. ${stepTitle(step, facts)}${when}`);
    lines.push(`   Why: ${step.why}`);
    if (step.channel !== null && step.to.length > 0) {
      try {
        const draft = renderDraft(step, facts, templates);
        lines.push(`   Channel: ${draft.channel}`);
        if (draft.subject !== null) lines.push(`   Subject: ${draft.subject}`);
        lines.push('', ...draft.body.split('\n').map((l) => `   ${l}`));
      } catch {
        // A template problem must not cost the seeker the whole digest.
        lines.push('   (no draft: open tactful to write this one)');
      }
    }
    lines.push('');
  });
  for (const warning of plan.warnings) lines.push(`Note: ${warning.message}`);
  lines.push('', `Step ids for \`tactful done\`: ${steps.map((s) => s.id).join(', ') || 'none'}`);
  const subject =
    steps.length === 0
      ? `tactful — ${date}: nothing due`
      : `tactful — ${date}: ${steps.length} step${steps.length === 1 ? '' : 's'} today`;
  return { subject, body: lines.join('\n').trim() + '\n', count: steps.length };
}
