// A reply matched to an application, on Today (issue 10): "Priya replied — 2 h ago", its first
// lines, the suggested classification with its reason, and one click to confirm it, change it,
// or say it is not about this application. Until then the application's follow-ups wait.
import { useId, useState } from 'react';
import {
  api,
  type AgendaApplication,
  type ConfirmInboxInput,
  type InboxMessageView,
} from '../api.js';
import { formatDate, type DateContext } from '../format.js';
import { useNotify } from '../notice.js';
import { href } from '../router.js';
import { toApiError } from '../use-load.js';

type Classification = ConfirmInboxInput['classification'];

const WORDS: Record<Classification, string> = {
  reply: 'Reply',
  update: 'Update',
  invitation: 'Invitation',
  offer: 'Offer',
  rejection: 'Rejection',
  auto_reply: 'Automatic answer',
};
const CHOICES = Object.keys(WORDS) as Classification[];

/** "just now", "12 min ago", "2 h ago", "3 days ago". */
export function ago(instant: string | null, now: number): string {
  if (instant === null) return 'date unknown';
  const minutes = Math.floor((now - Date.parse(instant)) / 60_000);
  if (Number.isNaN(minutes)) return 'date unknown';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** The first lines of the excerpt, as a glance. */
function firstLines(text: string): string {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 3)
    .join(' ');
  return lines.length > 240 ? `${lines.slice(0, 239)}…` : lines;
}

/** What one click confirms: the suggestion with the dates it read. */
function suggested(m: InboxMessageView): ConfirmInboxInput {
  const kind = (CHOICES as string[]).includes(m.suggestion)
    ? (m.suggestion as Classification)
    : 'reply';
  return {
    classification: kind,
    ...(kind === 'update' || kind === 'reply'
      ? { newDecisionDate: m.newDecisionDate, ...(kind === 'update' ? { onHold: m.onHold } : {}) }
      : {}),
    ...(kind === 'offer' ? { offerDeadline: m.offerDeadline } : {}),
    ...(kind === 'auto_reply' ? { unavailableUntil: m.unavailableUntil } : {}),
  };
}

/** "update: decision by Fri 18 Dec" (the kind in lower case, the date as written everywhere). */
function summary(input: ConfirmInboxInput, dates: DateContext): string {
  const word = WORDS[input.classification].toLowerCase();
  if (input.onHold) return `${word}: on hold`;
  if (input.newDecisionDate)
    return `${word}: decision by ${formatDate(input.newDecisionDate, dates)}`;
  if (input.offerDeadline) return `${word}: answer by ${formatDate(input.offerDeadline, dates)}`;
  if (input.unavailableUntil)
    return `${word}: back on ${formatDate(input.unavailableUntil, dates)}`;
  return word;
}

export function ReplyCard({
  message,
  applications,
  dates,
  onDone,
}: {
  message: InboxMessageView;
  applications: ReadonlyMap<string, AgendaApplication>;
  dates: DateContext;
  /** Called after a verdict was stored (the page reloads its plan). */
  onDone: () => void;
}) {
  const notify = useNotify();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);
  const [form, setForm] = useState<ConfirmInboxInput>(() => suggested(message));
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [chosen, setChosen] = useState(message.candidates[0] ?? '');
  const app = message.applicationId ? applications.get(message.applicationId) : undefined;
  const one = suggested(message);

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      notify({ text: done, tone: 'success' });
      onDone();
    } catch (e) {
      const err = toApiError(e);
      setError({ message: err.message, field: err.field });
    } finally {
      setBusy(false);
    }
  };
  const confirm = (input: ConfirmInboxInput) =>
    run(
      () => api.confirmInbox(message.id, { ...input, ...(app ? {} : { application: chosen }) }),
      `Confirmed: ${summary(input, dates)}`,
    );
  const dateField = (
    key: 'newDecisionDate' | 'offerDeadline' | 'unavailableUntil',
    label: string,
  ) => (
    <div className="field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input
        id={`${ids}-${key}`}
        type="date"
        value={form[key] ?? ''}
        aria-invalid={error?.field === key || undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value === '' ? null : e.target.value })}
      />
    </div>
  );

  return (
    <li className="reply-card" data-message-id={message.id}>
      <article aria-labelledby={`${ids}-title`}>
        <h3 id={`${ids}-title`} className="reply-title">
          {message.suggestion === 'auto_reply'
            ? `${message.from} is away`
            : `${message.from} replied`}{' '}
          <span className="muted">— {ago(message.receivedAt, dates.now)}</span>
        </h3>
        <p className="reply-meta">
          {app ? (
            <a href={href('applications', app.id)}>
              {app.organization} · {app.role}
            </a>
          ) : (
            <span>Which application? {message.matchWhy}</span>
          )}{' '}
          · <span className="reply-subject">{message.subject}</span>
        </p>
        {message.excerpt !== '' && <p className="reply-excerpt">{firstLines(message.excerpt)}</p>}
        <p className="why">
          Looks like <strong>{summary(one, dates)}</strong>: {message.why}.
          {message.suggestion !== 'auto_reply' && app && (
            <> {app.organization}'s follow-ups wait until you confirm.</>
          )}
        </p>
        {!app && message.candidates.length > 0 && (
          <div className="field">
            <label htmlFor={`${ids}-app`}>Which application is it about?</label>
            <select id={`${ids}-app`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {message.candidates.map((id) => (
                <option key={id} value={id}>
                  {applications.get(id)?.organization ?? id} · {applications.get(id)?.role ?? ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {changing && (
          <fieldset className="reply-change">
            <legend>What is it?</legend>
            <div className="field">
              <label htmlFor={`${ids}-kind`}>Classification</label>
              <select
                id={`${ids}-kind`}
                value={form.classification}
                onChange={(e) =>
                  setForm({ ...form, classification: e.target.value as Classification })
                }
              >
                {CHOICES.map((c) => (
                  <option key={c} value={c}>
                    {WORDS[c]}
                  </option>
                ))}
              </select>
            </div>
            {(form.classification === 'update' || form.classification === 'reply') &&
              dateField('newDecisionDate', 'New decision date (optional)')}
            {form.classification === 'update' && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={form.onHold ?? false}
                  onChange={(e) => setForm({ ...form, onHold: e.target.checked })}
                />
                On hold
              </label>
            )}
            {form.classification === 'offer' &&
              dateField('offerDeadline', 'Answer the offer by (optional)')}
            {form.classification === 'auto_reply' &&
              dateField('unavailableUntil', 'Back on (optional)')}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void confirm(clean(form))}
              >
                Confirm {WORDS[form.classification].toLowerCase()}
              </button>
              <button type="button" disabled={busy} onClick={() => setChanging(false)}>
                Cancel
              </button>
            </div>
          </fieldset>
        )}
        {error && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        {!changing && (
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void confirm(one)}
            >
              Confirm: {summary(one, dates)}
            </button>
            <button type="button" disabled={busy} onClick={() => setChanging(true)}>
              Change…
            </button>
            {!app && message.candidates.length > 0 && (
              <button
                type="button"
                disabled={busy || chosen === ''}
                onClick={() =>
                  void run(
                    () => api.assignInbox(message.id, chosen),
                    `Moved to ${applications.get(chosen)?.organization ?? chosen}`,
                  )
                }
              >
                Link to this application
              </button>
            )}
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() =>
                void run(
                  () => api.dismissInbox(message.id),
                  'Set aside: not about this application',
                )
              }
            >
              Not about this application
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

/** Only the fields the chosen classification carries. */
function clean(form: ConfirmInboxInput): ConfirmInboxInput {
  const c = form.classification;
  return {
    classification: c,
    ...(c === 'update' || c === 'reply' ? { newDecisionDate: form.newDecisionDate ?? null } : {}),
    ...(c === 'update' ? { onHold: form.onHold ?? false } : {}),
    ...(c === 'offer' ? { offerDeadline: form.offerDeadline ?? null } : {}),
    ...(c === 'auto_reply' ? { unavailableUntil: form.unavailableUntil ?? null } : {}),
  };
}
