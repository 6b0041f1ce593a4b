// Today: overdue / today / upcoming steps, the selected step's draft beside them, and the
// search-health warnings on top. Keys: j/k move, d marks done, c copies the draft.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  api,
  type Agenda,
  type AgendaApplication,
  type InboxMessageView,
  type OutboxItem,
} from '../api.js';
import type { Step } from '../../../src/core/types.js';
import { DraftPanel, type DraftHandle } from '../components/draft-panel.js';
import { ErrorBox } from '../components/error-box.js';
import { FirstRun } from '../components/first-run.js';
import { ReplyCard } from '../components/reply-card.js';
import { formatDate, type DateContext } from '../format.js';
import { kindLabel } from '../labels.js';
import { useNotify } from '../notice.js';
import { href } from '../router.js';
import { toApiError, useLoad } from '../use-load.js';
import { useMedia } from '../use-media.js';

interface TodayData {
  agenda: Agenda;
  smtpReady: boolean;
  /** Unconfirmed replies matched to applications (issue 10), and the applications they name. */
  replies: InboxMessageView[];
  replyApps: AgendaApplication[];
}

// The server groups as `tactful today` does (overdue, today, next 7 days) and counts the rest.
type Group = 'overdue' | 'today' | 'upcoming';
const GROUPS: Group[] = ['overdue', 'today', 'upcoming'];
const GROUP_TITLES: Record<Group, string> = {
  overdue: 'Overdue',
  today: 'Today',
  upcoming: 'Next 7 days',
};

async function loadToday(): Promise<TodayData> {
  const [agenda, smtp, inbox] = await Promise.all([
    api.today(),
    // Without the mail routes (or SMTP settings) Today still works; only "Send…" is off.
    api.smtp().catch(() => ({ smtp: null })),
    api.inboxMessages({ state: 'unconfirmed' }).catch(() => ({ messages: [], applications: [] })),
  ]);
  return {
    agenda,
    smtpReady: smtp.smtp !== null,
    replies: inbox.messages,
    replyApps: inbox.applications,
  };
}

export function TodayPage() {
  const { data, error, loading, reload } = useLoad(loadToday, []);
  const notify = useNotify();
  const [selected, setSelected] = useState<string | null>(null);
  // Steps acted on stay in place, greyed, until the next visit: the list never jumps.
  const [settled, setSettled] = useState<Record<string, string>>({});
  const draft = useRef<DraftHandle>(null);
  const narrow = useMedia('(max-width: 760px)');
  const rows = useRef(new Map<string, HTMLButtonElement>());

  // A mark for the benchmark: the moment Today's steps are first on screen.
  useEffect(() => {
    if (data && performance.getEntriesByName('tactful:today').length === 0)
      performance.mark('tactful:today');
  }, [data]);

  const today = data?.agenda.asOfDate ?? '';
  const dates = useMemo<DateContext>(
    () => ({
      zone: data?.agenda.timezone ?? 'UTC',
      now: data ? Date.parse(data.agenda.asOf) : 0,
    }),
    [data],
  );
  const ordered = useMemo(() => (data ? GROUPS.flatMap((g) => data.agenda[g]) : []), [data]);
  const open = ordered.filter((s) => !settled[s.id]);
  const current = ordered.find((s) => s.id === selected) ?? open[0] ?? null;

  const select = useCallback((id: string) => {
    setSelected(id);
    rows.current.get(id)?.focus();
  }, []);

  const act = useCallback(
    async (step: Step, action: 'done' | 'skip' | 'snooze', until?: string) => {
      try {
        await api.stepAction(step.id, action, until);
        const label =
          action === 'done'
            ? 'Done'
            : action === 'skip'
              ? 'Skipped'
              : `Snoozed until ${formatDate(until ?? '', dates)}`;
        setSettled((s) => ({ ...s, [step.id]: label }));
        notify({
          text: `${kindLabel(step.kind)}: ${label[0]?.toLowerCase()}${label.slice(1)}`,
          tone: 'success',
        });
        const next = open[open.indexOf(step) + 1] ?? open[open.indexOf(step) - 1];
        if (next) select(next.id);
      } catch (e) {
        notify({ text: toApiError(e).message, tone: 'error' });
      }
    },
    [notify, open, select, dates],
  );

  /** What a send's outbox state means for the step on screen. */
  const sent = useCallback(
    (step: Step, message: OutboxItem) => {
      if (message.state === 'failed') {
        notify({
          text: `Not sent: ${message.lastError ?? 'the SMTP server refused it'}`,
          tone: 'error',
        });
        return;
      }
      const label =
        message.state === 'sent'
          ? 'Sent'
          : message.state === 'uncertain'
            ? 'Delivery unconfirmed: see Outbox'
            : 'Queued in the Outbox';
      setSettled((s) => ({ ...s, [step.id]: label }));
      notify({
        text: `${kindLabel(step.kind)}: ${label[0]?.toLowerCase()}${label.slice(1)}`,
        tone: message.state === 'uncertain' ? 'error' : 'success',
      });
      const next = open[open.indexOf(step) + 1] ?? open[open.indexOf(step) - 1];
      if (next) select(next.id);
    },
    [notify, open, select],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      // A modal dialog (the send confirmation) owns the keyboard: no "d" behind it.
      if (document.querySelector('dialog[open]')) return;
      if (!current) return;
      const i = ordered.indexOf(current);
      if (e.key === 'j' || e.key === 'k') {
        const next = ordered[i + (e.key === 'j' ? 1 : -1)];
        if (next) select(next.id);
      } else if (e.key === 'd' && !settled[current.id]) {
        void act(current, 'done');
      } else if (e.key === 'c') {
        void draft.current?.copy();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, current, ordered, select, settled]);

  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <TodaySkeleton />;
  const { agenda } = data;
  if (agenda.applicationCount === 0) return <FirstRun />;

  const apps = new Map(agenda.applications.map((a) => [a.id, a]));
  const people = new Map(agenda.contacts.map((c) => [c.id, c]));
  // Beside the list on a wide screen; right under the selected step on a phone.
  const panel = current && (
    <DraftPanel
      key={current.id}
      ref={draft}
      step={current}
      application={apps.get(current.application) ?? null}
      contacts={people}
      settledLabel={settled[current.id] ?? null}
      today={today}
      timeZone={agenda.timezone}
      onAction={(action, until) => act(current, action, until)}
      smtpReady={data.smtpReady}
      onSent={(message) => sent(current, message)}
    />
  );
  const groups = GROUPS.map((g) => ({ group: g, steps: agenda[g] }));
  const later = agenda.later;
  const replyApps = new Map([...agenda.applications, ...data.replyApps].map((a) => [a.id, a]));
  const replyOf = new Map(data.replies.map((r) => [r.id, r]));
  const held = agenda.held;

  return (
    <div className="today">
      <div className="page-head">
        <h1>Today</h1>
        <p className="muted">
          {formatDate(today, dates)} · {open.length} open {open.length === 1 ? 'step' : 'steps'}
          {loading && <span className="sr-only"> (refreshing)</span>}
        </p>
      </div>
      {agenda.warnings.length > 0 && (
        <section aria-labelledby="health" className="warnings">
          <h2 id="health" className="sr-only">
            Search health
          </h2>
          <ul>
            {agenda.warnings.map((w, i) => (
              <li key={i} className={`warning warning-${w.kind}`}>
                {w.message}
                {w.application && apps.get(w.application) && (
                  <>
                    {' '}
                    <a href={href('applications', w.application)}>
                      {apps.get(w.application)?.organization}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.replies.length > 0 && (
        <section aria-labelledby="replies" className="replies">
          <h2 id="replies" className="group-title">
            Replies to read <span className="count">{data.replies.length}</span>
          </h2>
          <ul className="reply-cards">
            {data.replies.map((m) => (
              <ReplyCard
                key={m.id}
                message={m}
                applications={replyApps}
                dates={dates}
                onDone={reload}
              />
            ))}
          </ul>
        </section>
      )}
      {held.length > 0 && (
        <section aria-labelledby="held" className="held">
          <h2 id="held" className="group-title">
            Waiting for you <span className="count">{held.length}</span>
          </h2>
          <ul className="held-steps">
            {held.map((s) => {
              const app = apps.get(s.application);
              const reply = s.heldBy ? replyOf.get(s.heldBy) : undefined;
              return (
                <li key={s.id} className="held-step" data-step-id={s.id}>
                  <span className={`kind kind-${s.kind}`}>{kindLabel(s.kind)}</span>{' '}
                  <span className="step-org">{app?.organization ?? s.application}</span>{' '}
                  <span className="muted">
                    waiting for you to read {reply ? `${reply.from}'s` : 'the'} reply
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {ordered.length === 0 ? (
        <div className="empty">
          <h2>Nothing to do</h2>
          <p>
            {later.next
              ? `Nothing is due in the next 7 days (next: ${kindLabel(later.next.kind).toLowerCase()} on ${formatDate(later.next.due, dates)}). `
              : 'Every follow-up is done. '}
            Keep your search going: add an application or an interview.
          </p>
          <a className="button" href={href('debrief')}>
            Add an interview
          </a>
        </div>
      ) : (
        <div className="today-grid">
          <div className="step-lists">
            <p className="hint" id="keys-hint">
              Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>d</kbd> done · <kbd>c</kbd> copy draft
            </p>
            {groups.map(({ group, steps }) =>
              steps.length === 0 ? null : (
                <section key={group} aria-labelledby={`g-${group}`}>
                  <h2 id={`g-${group}`} className={`group-title group-${group}`}>
                    {GROUP_TITLES[group]} <span className="count">{steps.length}</span>
                  </h2>
                  <ul className="steps" aria-describedby="keys-hint">
                    {steps.map((s) => {
                      const app = apps.get(s.application);
                      const names = s.to.map((id) => people.get(id)?.name ?? id).join(', ');
                      const isCurrent = current?.id === s.id;
                      return (
                        <li
                          key={s.id}
                          className={`step${isCurrent ? ' selected' : ''}${settled[s.id] ? ' settled' : ''}`}
                          data-step-id={s.id}
                        >
                          <button
                            type="button"
                            className="step-button"
                            ref={(el) => {
                              if (el) rows.current.set(s.id, el);
                              else rows.current.delete(s.id);
                            }}
                            tabIndex={isCurrent ? 0 : -1}
                            aria-current={isCurrent ? 'true' : undefined}
                            onClick={() => setSelected(s.id)}
                          >
                            <span className={`kind kind-${s.kind}`}>{kindLabel(s.kind)}</span>
                            <span className="step-main">
                              <span className="step-org">{app?.organization ?? s.application}</span>
                              <span className="step-to">
                                {names || 'You'}
                                {app && ` · ${app.role}`}
                              </span>
                            </span>
                            <span className="step-when">
                              {settled[s.id] ?? `due ${formatDate(s.due, dates)}`}
                            </span>
                          </button>
                          {narrow && isCurrent && panel}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ),
            )}
            {later.count > 0 && (
              <p className="muted later-count">
                Later: {later.count} more {later.count === 1 ? 'step' : 'steps'}, on each
                application's page.
              </p>
            )}
          </div>
          {!narrow && panel}
        </div>
      )}
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function TodaySkeleton() {
  return (
    <div className="today" aria-busy="true">
      <div className="page-head">
        <h1>Today</h1>
        <p className="muted">Loading your plan…</p>
      </div>
      <ul className="steps skeleton" aria-hidden="true">
        <li className="step-placeholder" />
        <li className="step-placeholder" />
        <li className="step-placeholder" />
      </ul>
    </div>
  );
}
