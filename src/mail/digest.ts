// The morning digest: the day's steps (overdue and due today, plus thank-yous due tomorrow:
// their 24-hour deadline falls before the next digest) with their drafts inline, as plain
// text to the seeker's own mailbox. Unread replies come first: until the seeker confirms them,
// their applications' follow-ups are held (SPEC §3).
import type { InboxMessageView } from '../app/inbox.js';
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
  /** Matched messages the seeker has not confirmed yet (auto-replies included, listed last). */
  replies: readonly InboxMessageView[] = [],
): DigestText {
  const tomorrow = addDays(date, 1);
  const steps = plan.steps.filter(
    (s) =>
      s.heldBy === undefined && (s.due <= date || (s.kind === 'thank_you' && s.due <= tomorrow)),
  );
  const unread = replies
    .filter((r) => r.state === 'unconfirmed')
    .sort((a, b) => Number(a.suggestion === 'auto_reply') - Number(b.suggestion === 'auto_reply'));
  const lines: string[] = [];
  if (unread.length > 0) {
    lines.push(`Replies to read first (${unread.length}):`);
    for (const r of unread) {
      const app = facts.applications.find((a) => a.id === r.applicationId);
      const where = app ? ` (${app.organization})` : ' (which application?)';
      lines.push(`- ${r.from}${where}: "${r.subject}" — looks like ${r.suggestion.replace('_', ' ')}: ${r.why}`);
      if (app && r.suggestion !== 'auto_reply')
        lines.push(`  ${app.organization}'s follow-ups wait until you confirm it in tactful.`);
    }
    lines.push('');
  }
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
  const stepWords =
    steps.length === 0
      ? 'nothing due'
      : `${steps.length} step${steps.length === 1 ? '' : 's'} today`;
  const replyWords =
    unread.length === 0 ? '' : `${unread.length} repl${unread.length === 1 ? 'y' : 'ies'} to read, `;
  const subject = `tactful — ${date}: ${replyWords}${stepWords}`;
  return { subject, body: lines.join('\n').trim() + '\n', count: steps.length };
}
