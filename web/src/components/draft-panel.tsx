// The selected step: why it is due, its draft (editable, checked as you type) and actions.
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { api, type Finding, type OutboxItem, type StepDraft } from '../api.js';
import type { DraftVariant, Step } from '../../../src/core/types.js';
import { addDays, formatDate, formatDateTime } from '../format.js';
import { channelLabel, humanize, kindLabel } from '../labels.js';
import { useNotify } from '../notice.js';
import { href } from '../router.js';
import { useUnsavedChanges } from '../unsaved.js';
import { toApiError } from '../use-load.js';
import { SendAction } from './send-action.js';
import { savesSettled, useDraftAutosave, type SaveState } from './use-draft-autosave.js';

export interface DraftHandle {
  copy: () => Promise<void>;
}

const SEEKER_KINDS = new Set(['debrief', 'reflect', 'move_on']);

interface Props {
  ref?: Ref<DraftHandle>;
  step: Step;
  /** What the panel shows of the step's application and recipients (Today sends only these). */
  application: { organization: string } | null;
  contacts: Map<string, { name: string; linkedin: string | null }>;
  settledLabel: string | null;
  today: string;
  /** The seeker's zone: a thank-you's 24-hour deadline is shown in it. */
  timeZone: string;
  onAction: (action: 'done' | 'skip' | 'snooze', until?: string) => Promise<void>;
  /** Whether SMTP settings exist: "Send…" needs them. */
  smtpReady: boolean;
  onSent: (message: OutboxItem) => void;
}

export function DraftPanel({
  ref,
  step,
  application,
  contacts,
  settledLabel,
  today,
  timeZone,
  onAction,
  smtpReady,
  onSent,
}: Props) {
  const notify = useNotify();
  const seekerStep = SEEKER_KINDS.has(step.kind);
  const [draft, setDraft] = useState<StepDraft | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  // The server's default (the next business day after the due date or today) and its bound.
  const [snoozeUntil, setSnoozeUntil] = useState('');
  const [snoozeAfter, setSnoozeAfter] = useState(today);
  const [busy, setBusy] = useState(false);
  const [formal, setFormal] = useState(false);
  // answer_offer: the acceptance or the graceful decline.
  const [variant, setVariant] = useState<DraftVariant>('accept');
  const answering = step.kind === 'answer_offer';
  const edited = useRef(false);
  // Whether the text on screen is the seeker's own (saved, or being saved).
  const [isEdit, setIsEdit] = useState(false);
  const autosave = useDraftAutosave(step.id);
  const { start } = autosave;
  // A save that failed holds the only copy of the text: leaving asks first.
  useUnsavedChanges(autosave.state === 'error');

  useEffect(() => {
    let live = true;
    setSnoozeUntil('');
    api.snoozeBounds(step.id).then(
      (b) => {
        if (!live) return;
        setSnoozeAfter(b.after);
        // A date the seeker already picked is theirs: only an empty field takes the default.
        setSnoozeUntil((picked) => picked || b.suggested);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [step.id]);

  useEffect(() => {
    if (seekerStep) return;
    let live = true;
    // A save of this step just sent (leaving it a moment ago) is answered first.
    void savesSettled(step.id)
      .then(() => api.draft(step.id, formal, answering ? variant : undefined))
      .then(
        (d) => {
          if (!live) return;
          edited.current = false;
          start(d.edit.revision);
          setDraft(d);
          setIsEdit(d.edit.edited);
          setSubject(d.subject ?? '');
          setBody(d.body);
          setFindings(d.findings);
        },
        (e: unknown) => live && setFailed(toApiError(e).message),
      );
    return () => {
      live = false;
    };
    // `start` only raises a ref: it never needs to reload the draft.
  }, [step.id, seekerStep, formal, answering, variant]);

  const type = (next: { subject?: string; body?: string }): void => {
    edited.current = true;
    setIsEdit(true);
    const s = next.subject ?? subject;
    const b = next.body ?? body;
    if (next.subject !== undefined) setSubject(s);
    if (next.body !== undefined) setBody(b);
    autosave.changed({ subject: draft?.subject === null ? null : s, body: b });
  };

  const backToSuggested = async (): Promise<void> => {
    if (!draft) return;
    try {
      await autosave.reset();
    } catch {
      return;
    }
    setIsEdit(false);
    setSubject(draft.suggested.subject ?? '');
    setBody(draft.suggested.body);
    // The findings shown were the edit's: let the checker read the suggestion again.
    edited.current = true;
    notify({ text: 'Back to the suggested text', tone: 'success' });
  };

  const toggleFormal = async (on: boolean): Promise<void> => {
    if (isEdit) {
      if (!window.confirm('Replace your edited text with the suggested one in this tone?')) return;
      try {
        await autosave.reset();
      } catch {
        return;
      }
      setIsEdit(false);
    }
    setFormal(on);
  };

  /** The .eml is made by the server from the saved edit: save what is pending first. */
  const downloadEml = async (): Promise<void> => {
    await autosave.flush();
    const link = document.createElement('a');
    link.href = api.emlHref(step.id, answering ? variant : undefined);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  };

  // Re-check the seeker's own words shortly after they stop typing.
  useEffect(() => {
    if (!draft || !edited.current) return;
    const t = window.setTimeout(() => {
      api
        .check({
          applicationId: step.application,
          kind: step.kind,
          channel: draft.channel,
          subject: draft.subject === null ? null : subject,
          body,
          to: draft.to.map((r) => r.id),
        })
        .then((r) => setFindings(r.findings))
        .catch(() => undefined);
    }, 350);
    return () => window.clearTimeout(t);
  }, [draft, subject, body, step.application, step.kind]);

  const text = draft?.subject ? `Subject: ${subject}\n\n${body}` : body;
  const copy = async (): Promise<void> => {
    if (!draft) return;
    const ok = await copyText(text);
    notify(
      ok
        ? { text: 'Draft copied', tone: 'success' }
        : { text: 'Copy failed: select the text and copy it', tone: 'error' },
    );
  };
  useImperativeHandle(ref, () => ({ copy }));

  const emails = draft?.to.map((r) => r.email).filter((e): e is string => !!e) ?? [];
  const mailto =
    draft && draft.channel === 'email'
      ? `mailto:${emails.map(encodeURIComponent).join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
      : null;

  const missing = draft?.to.find((r) => !r.email);
  const sendBlocked = !smtpReady
    ? { text: 'To send from tactful, set up e-mail (SMTP) in', settings: true }
    : missing
      ? { text: `${missing.name} has no e-mail address.`, settings: false }
      : null;

  // Only a web address becomes a link: a stored `javascript:` URL must never be clickable.
  const linkedin = step.to.map((id) => contacts.get(id)?.linkedin).find((u) => !!u) ?? null;
  const profile =
    draft?.channel === 'linkedin' && linkedin && /^https?:\/\//i.test(linkedin) ? linkedin : null;

  const run = async (action: 'done' | 'skip' | 'snooze', until?: string): Promise<void> => {
    setBusy(true);
    try {
      await onAction(action, until);
    } finally {
      setBusy(false);
    }
  };

  const interviewId = step.kind === 'debrief' ? anchorOf(step) : null;
  const dates = { zone: timeZone, now: Date.now() };
  return (
    <section className="panel draft" aria-labelledby="draft-title">
      <header>
        <h2 id="draft-title">
          {kindLabel(step.kind)}
          {application && <span className="muted"> · {application.organization}</span>}
        </h2>
        <p className="meta">
          {step.to.length > 0
            ? `To ${step.to.map((id) => contacts.get(id)?.name ?? id).join(', ')}`
            : 'A note to yourself'}
          {step.channel && ` · ${channelLabel(step.channel)}`} ·{' '}
          {step.dueAt
            ? `due by ${formatDateTime(step.dueAt, dates)}`
            : `due ${formatDate(step.due, dates)}`}
        </p>
      </header>
      <p className="why">{step.why}</p>

      {seekerStep ? (
        <div className="seeker-step">
          {step.kind === 'debrief' && (
            <a
              className="button primary"
              href={href('debrief', step.application, interviewId ?? '')}
            >
              Open the debrief form
            </a>
          )}
          {step.kind === 'reflect' && (
            <a className="button primary" href={href('applications', step.application)}>
              Write pros, cons and strengths
            </a>
          )}
          {step.kind === 'move_on' && (
            <p>Marking this done closes the application as “no response”.</p>
          )}
        </div>
      ) : failed ? (
        <p className="error" role="alert">
          {failed}
        </p>
      ) : !draft ? (
        <div className="draft-loading" aria-busy="true">
          Loading the draft…
        </div>
      ) : (
        <div className="draft-body">
          {answering && (
            <fieldset className="answer-variant">
              <legend>Your answer (replaces your edits)</legend>
              {(['accept', 'decline'] as const).map((v) => (
                <label key={v} className="check">
                  <input
                    type="radio"
                    name="answer-variant"
                    value={v}
                    checked={variant === v}
                    onChange={() => setVariant(v)}
                  />{' '}
                  {v === 'accept' ? 'Accept the offer' : 'Decline gracefully'}
                </label>
              ))}
            </fieldset>
          )}
          {draft.subject !== null && (
            <label className="field">
              <span>Subject</span>
              <input
                value={subject}
                onChange={(e) => type({ subject: e.target.value })}
                onBlur={() => void autosave.flush()}
              />
            </label>
          )}
          <label className="field">
            <span>
              {draft.channel === 'email'
                ? 'Message'
                : draft.channel === 'letter'
                  ? 'Card text'
                  : draft.channel === 'linkedin'
                    ? 'Invitation note'
                    : 'What to say'}
            </span>
            <textarea
              value={body}
              rows={12}
              onChange={(e) => type({ body: e.target.value })}
              onBlur={() => void autosave.flush()}
            />
          </label>
          <EditState
            edited={isEdit}
            state={autosave.state}
            error={autosave.error}
            onBack={() => void backToSuggested()}
            onRetry={() => void autosave.flush()}
          />
          <Findings findings={findings} subject={subject} body={body} />
          <label className="check">
            <input
              type="checkbox"
              checked={formal}
              onChange={(e) => void toggleFormal(e.target.checked)}
            />{' '}
            Formal tone{isEdit ? ' (replaces your edits)' : ''}
          </label>
        </div>
      )}

      <div className="actions">
        {draft && (
          <>
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            {mailto && (
              <a className="button" href={mailto}>
                Open in mail client
              </a>
            )}
            {profile && (
              <a className="button" href={profile} target="_blank" rel="noopener noreferrer">
                Open LinkedIn profile
              </a>
            )}
            {draft.channel === 'email' && (
              <a
                className="button"
                href={api.emlHref(step.id, answering ? variant : undefined)}
                download
                onClick={(e) => {
                  e.preventDefault();
                  void downloadEml();
                }}
              >
                Download .eml
              </a>
            )}
            {draft.channel === 'email' && draft.subject !== null && !settledLabel && (
              <SendAction
                stepId={step.id}
                to={emails}
                blocked={sendBlocked}
                subject={subject}
                body={body}
                problems={findings.filter((f) => f.severity === 'error').length}
                onSent={onSent}
              />
            )}
          </>
        )}
        <span className="spacer" />
        {settledLabel ? (
          <span className="settled-label">{settledLabel}</span>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void run('done')}
            >
              Mark done
            </button>
            <button type="button" disabled={busy} onClick={() => void run('skip')}>
              Skip
            </button>
            <span className="snooze">
              <label className="sr-only" htmlFor="snooze-until">
                Snooze until
              </label>
              <input
                id="snooze-until"
                type="date"
                value={snoozeUntil}
                min={addDays(snoozeAfter, 1)}
                onChange={(e) => setSnoozeUntil(e.target.value)}
              />
              <button
                type="button"
                disabled={busy || !snoozeUntil}
                onClick={() => void run('snooze', snoozeUntil)}
              >
                Snooze
              </button>
            </span>
          </>
        )}
      </div>
    </section>
  );
}

const SAVE_WORDS: Record<SaveState, string> = {
  idle: 'Saved',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
};

/** "Edited · Saved" and the way back to the suggestion; nothing while the suggestion is shown. */
function EditState({
  edited,
  state,
  error,
  onBack,
  onRetry,
}: {
  edited: boolean;
  state: SaveState;
  error: string | null;
  onBack: () => void;
  onRetry: () => void;
}) {
  if (!edited && state !== 'error') return null;
  return (
    <div className="edit-state">
      {edited && <span className="badge badge-edited">Edited</span>}
      <span className="muted save-state">{SAVE_WORDS[state]}</span>
      {state === 'error' && (
        <>
          <span className="error" role="alert">
            {error ?? 'Your text could not be saved'}
          </span>
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
      {edited && (
        <button type="button" className="link" onClick={onBack}>
          Back to the suggested text
        </button>
      )}
    </div>
  );
}

function Findings({
  findings,
  subject,
  body,
}: {
  findings: Finding[];
  subject: string;
  body: string;
}) {
  if (findings.length === 0)
    return <p className="findings-ok">The checker found nothing to fix.</p>;
  return (
    <ul className="findings" aria-label="Checker findings">
      {findings.map((f, i) => {
        const source = f.in === 'subject' ? subject : f.in === 'body' ? body : '';
        const excerpt = source.slice(f.start, f.end);
        return (
          <li key={i} className={`finding finding-${f.severity}`}>
            <strong>{humanize(f.severity)}:</strong> {f.message}
            {excerpt && (
              <>
                {' '}
                <mark>{excerpt.length > 60 ? `${excerpt.slice(0, 60)}…` : excerpt}</mark>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The interview id in `<application>:debrief:<interview>`. */
function anchorOf(step: Step): string | null {
  const rest = step.id.slice(step.application.length + 1 + step.kind.length + 1);
  return rest.split(':')[0] || null;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure origin): fall back to a hidden selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
