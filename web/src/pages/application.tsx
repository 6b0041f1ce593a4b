// One application: its plan (with the why of each step), timeline, pros/cons/strengths and
// forms to log what the organisation said. Every change reloads the plan at once.
import { useId, useRef, useState, type FormEvent } from 'react';
import { api, type ApplicationDetail } from '../api.js';
import type {
  Channel,
  Contact,
  InboundKind,
  OutboundKind,
  Settings,
} from '../../../src/core/types.js';
import { ErrorBox, ErrorSummary } from '../components/error-box.js';
import {
  Check,
  describedBy,
  FieldError,
  Select,
  TextArea,
  TextField,
} from '../components/fields.js';
import type { InboxMessageView } from '../api.js';
import { formatDate, formatDateTime, lines, wallTimeToEpoch, type DateContext } from '../format.js';
import { channelLabel, interactionSentence, kindLabel, nameList, statusLabel } from '../labels.js';
import { focusFirstInvalid, NO_ERRORS, placeApiError, type FormErrors } from '../form-errors.js';
import { useNotify } from '../notice.js';
import { nowIn, localToInstant } from '../local-time.js';
import { href, navigate } from '../router.js';
import { DeleteButton } from '../components/delete-button.js';
import { useUnsavedChanges } from '../unsaved.js';
import { toApiError, useLoad } from '../use-load.js';
import { ApplicationForm, SOURCE_LABELS } from './applications.js';

interface Data {
  app: ApplicationDetail;
  contacts: Contact[];
  settings: Settings;
  /** Replies matched to it and not yet confirmed (issue 10): they hold its follow-ups. */
  messages: InboxMessageView[];
}

export default function ApplicationPage({ id }: { id: string }) {
  const { data, error, reload } = useLoad(async (): Promise<Data> => {
    const [app, contacts, settings, inbox] = await Promise.all([
      api.application(id),
      api.contacts(),
      api.settings(),
      api.inboxMessages({ application: id, state: 'unconfirmed' }).catch(() => ({ messages: [] })),
    ]);
    return { app, contacts, settings, messages: inbox.messages };
  }, [id]);
  const [editing, setEditing] = useState(false);

  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading the application…</p>;
  const { app, contacts, settings, messages } = data;
  const people = new Map(contacts.map((c) => [c.id, c]));
  const name = (cid: string): string => people.get(cid)?.name ?? cid;
  const zone = settings.timezone;
  const dates: DateContext = { zone, now: Date.now() };

  // Newest first, interviews (wall times in their own zone) and interactions on one time line.
  const timeline = [
    ...app.interviews.map((iv) => ({
      key: `i-${iv.id}`,
      at: wallTimeToEpoch(iv.start, iv.timezone ?? zone),
      interview: iv,
      interaction: null,
      message: null,
    })),
    ...app.interactions.map((x) => ({
      key: `x-${x.id}`,
      at: Date.parse(x.at),
      interview: null,
      interaction: x,
      message: null,
    })),
    ...messages.map((m) => ({
      key: `m-${m.id}`,
      at: m.receivedAt === null ? 0 : Date.parse(m.receivedAt),
      interview: null,
      interaction: null,
      message: m,
    })),
  ].sort((a, b) => b.at - a.at);

  return (
    <div className="application">
      <p className="crumbs">
        <a href={href('applications')}>Applications</a> /
      </p>
      <div className="page-head">
        <div>
          <h1>{app.organization}</h1>
          <p className="muted">
            {app.role} · {SOURCE_LABELS[app.source]} ·{' '}
            <span className={`badge badge-${app.effectiveStatus}`}>
              {statusLabel(app.effectiveStatus)}
            </span>
          </p>
        </div>
        <div className="head-actions">
          <a className="button primary" href={href('debrief', app.id)}>
            Add an interview
          </a>
          <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            Edit
          </button>
          <DeleteButton
            entity="application"
            id={app.id}
            name={app.organization}
            className="danger"
            onDeleted={() => navigate('applications')}
          />
        </div>
      </div>
      {editing && (
        <ApplicationForm
          initial={app}
          contacts={contacts}
          onDone={() => {
            setEditing(false);
            void reload();
          }}
        />
      )}

      <div className="two-col">
        <section className="panel" aria-labelledby="plan-h">
          <h2 id="plan-h">Plan</h2>
          {app.steps.length === 0 ? (
            <p className="muted">No open step for this application.</p>
          ) : (
            <ol className="plan">
              {app.steps.map((s) => (
                <li key={s.id} data-kind={s.kind}>
                  <div className="plan-head">
                    <span className={`kind kind-${s.kind}`}>{kindLabel(s.kind)}</span>
                    <span>{s.to.length ? s.to.map(name).join(', ') : 'You'}</span>
                    <span className="muted">
                      {s.earliest === s.due
                        ? formatDate(s.due, dates)
                        : `${formatDate(s.earliest, dates)} – ${formatDate(s.due, dates)}`}
                      {s.overdue && <strong className="overdue"> overdue</strong>}
                    </span>
                  </div>
                  <p className="why">{s.why}</p>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="panel" aria-labelledby="log-h">
          <h2 id="log-h">Log news or what you did</h2>
          <LogForm app={app} people={people} zone={zone} onLogged={reload} />
        </section>
      </div>

      <section className="panel" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        {timeline.length === 0 ? (
          <p className="muted">Nothing yet. Add an interview to start the follow-up plan.</p>
        ) : (
          <ol className="timeline">
            {timeline.map((t) =>
              t.interview ? (
                <li key={t.key} className="tl-interview">
                  <div className="tl-head">
                    <strong>Round {t.interview.round} interview</strong>
                    <span className="muted">
                      {Number.isNaN(t.at) ? (
                        t.interview.start
                      ) : (
                        <time dateTime={new Date(t.at).toISOString()}>
                          {formatDateTime(t.at, dates)}
                        </time>
                      )}
                    </span>
                    <a href={href('debrief', app.id, t.interview.id)}>Debrief</a>
                    <DeleteButton
                      entity="interview"
                      id={t.interview.id}
                      applicationId={app.id}
                      name={`round ${t.interview.round} interview`}
                    />
                  </div>
                  <p>
                    {t.interview.interviewers.length
                      ? `With ${nameList(t.interview.interviewers.map(name))}`
                      : 'No interviewers recorded yet'}
                    {t.interview.decisionExpectedBy &&
                      ` · decision expected by ${formatDate(t.interview.decisionExpectedBy, dates)}`}
                    {t.interview.final && ' · final round'}
                  </p>
                </li>
              ) : t.interaction ? (
                <li
                  key={t.key}
                  className={`tl-${t.interaction.direction}`}
                  data-kind={t.interaction.kind}
                >
                  <div className="tl-head">
                    <strong>
                      <span aria-hidden="true">
                        {t.interaction.direction === 'in' ? '← ' : '→ '}
                      </span>
                      {interactionSentence({
                        direction: t.interaction.direction,
                        kind: t.interaction.kind,
                        channel: t.interaction.channel,
                        people: t.interaction.contacts.map(name),
                      })}
                    </strong>
                    <span className="muted">
                      <time dateTime={t.interaction.at}>
                        {formatDateTime(t.interaction.at, dates)}
                      </time>
                    </span>
                    <DeleteButton
                      entity="interaction"
                      id={t.interaction.id}
                      applicationId={app.id}
                      name={kindLabel(t.interaction.kind)}
                    />
                  </div>
                  {readableSummary(t.interaction.summary) && (
                    <p>{readableSummary(t.interaction.summary)}</p>
                  )}
                </li>
              ) : t.message ? (
                <li key={t.key} className="tl-in tl-message" data-message-id={t.message.id}>
                  <div className="tl-head">
                    <strong>
                      <span aria-hidden="true">{'← '}</span>
                      E-mail from {t.message.from}: {t.message.subject}
                    </strong>
                    {t.message.receivedAt && (
                      <span className="muted">
                        <time dateTime={t.message.receivedAt}>
                          {formatDateTime(t.message.receivedAt, dates)}
                        </time>
                      </span>
                    )}
                  </div>
                  <p>
                    Not confirmed yet: its follow-ups wait until you read it on{' '}
                    <a href={href('today')}>Today</a>.
                  </p>
                </li>
              ) : null,
            )}
          </ol>
        )}
      </section>

      <ProsConsForm app={app} onSaved={reload} />
    </div>
  );
}

/** A summary to show: the step id older versions wrote on "Mark done" becomes words. */
function readableSummary(summary: string | null): string | null {
  if (!summary) return null;
  return /^done: \S+$/.test(summary) ? 'Marked done in tactful' : summary;
}

const INBOUND: { value: InboundKind; label: string }[] = [
  { value: 'reply', label: 'A reply' },
  { value: 'update', label: 'An update (new date, on hold)' },
  { value: 'invitation', label: 'An invitation to another round' },
  { value: 'offer', label: 'An offer' },
  { value: 'rejection', label: 'A rejection' },
];

type LogField =
  | 'kind'
  | 'about'
  | 'channel'
  | 'contacts'
  | 'at'
  | 'newDecisionDate'
  | 'onHold'
  | 'offerDeadline'
  | 'summary';

const LOG_LABELS: Record<LogField, string> = {
  kind: 'What happened',
  about: 'About',
  channel: 'By',
  contacts: 'From',
  at: 'When',
  newDecisionDate: 'New decision date',
  onHold: 'The process is on hold',
  offerDeadline: 'Offer deadline',
  summary: 'Summary',
};

/** The API's field names → this form's fields (the same names). */
const LOG_FIELDS: Record<string, LogField> = Object.fromEntries(
  Object.keys(LOG_LABELS).map((k) => [k, k as LogField]),
);

/**
 * What the seeker did. "I declined the offer" is an outbound `withdraw`: it ends the
 * application (effective status withdrawn) and completes an answer-the-offer step, as saying
 * no to an offer is withdrawing from the process.
 */
const OUTBOUND = [
  { value: 'out:message', label: 'I sent a message' },
  { value: 'out:call', label: 'I called' },
  { value: 'out:accept', label: 'I accepted the offer' },
  { value: 'out:withdraw', label: 'I withdrew' },
  { value: 'out:decline', label: 'I declined the offer' },
] as const;

type LogChoice = (typeof INBOUND)[number]['value'] | (typeof OUTBOUND)[number]['value'];

const ABOUT: { value: OutboundKind; label: string }[] = [
  { value: 'thank_you', label: 'A thank-you' },
  { value: 'status_check', label: 'Asking for an update' },
  { value: 'check_in', label: 'A check-in with something of value' },
  { value: 'offer_update', label: 'Mentioning another offer' },
  { value: 'final_thanks', label: 'Thanks after their decision' },
  { value: 'keep_warm', label: 'Keeping in touch' },
  { value: 'connect', label: 'A LinkedIn invitation' },
  { value: 'other', label: 'Something else' },
];

const SENT_CHANNELS: Channel[] = ['email', 'letter', 'linkedin', 'in_person'];
const CALL_CHANNELS: Channel[] = ['phone', 'voicemail'];
/** How the seeker told them of an accept, a withdrawal or a decline. */
const DECISION_CHANNELS: Channel[] = ['email', 'phone', 'in_person', 'letter'];

function LogForm({
  app,
  people,
  zone,
  onLogged,
}: {
  app: ApplicationDetail;
  people: Map<string, Contact>;
  zone: string;
  onLogged: () => Promise<void>;
}) {
  const notify = useNotify();
  const selectId = useId();
  const related = [
    ...new Set([
      ...app.interviews.flatMap((i) => i.interviewers),
      ...(app.agent ? [app.agent] : []),
    ]),
  ];
  const [choice, setChoice] = useState<LogChoice>('reply');
  const [about, setAbout] = useState<OutboundKind>('status_check');
  const [channel, setChannel] = useState<Channel>('email');
  const [from, setFrom] = useState(related[0] ?? '');
  const [to, setTo] = useState<string[]>(related.slice(0, 1));
  const [at, setAt] = useState(() => nowIn(zone));
  const [atTouched, setAtTouched] = useState(false);
  const [summary, setSummary] = useState('');
  const [newDate, setNewDate] = useState('');
  const [onHold, setOnHold] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<FormErrors<LogField>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);

  const inbound = !choice.startsWith('out:');
  const kind = inbound ? (choice as InboundKind) : null;
  const labels: Record<LogField, string> = {
    ...LOG_LABELS,
    channel: choice === 'out:call' ? 'How' : 'By',
    contacts: inbound ? 'From' : 'To',
  };
  const channels =
    choice === 'out:call'
      ? CALL_CHANNELS
      : choice === 'out:message'
        ? SENT_CHANNELS
        : DECISION_CHANNELS;

  const choose = (next: LogChoice): void => {
    setChoice(next);
    setChannel(next === 'out:call' ? 'phone' : 'email');
  };

  const outboundKind = (): OutboundKind => {
    if (choice === 'out:accept') return 'accept';
    if (choice === 'out:withdraw' || choice === 'out:decline') return 'withdraw';
    return about;
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    // Untouched, the date means "now" at the moment of saving, not when the page opened.
    const instant = atTouched ? localToInstant(at, zone) : null;
    if (atTouched && instant === null) {
      setErrors({ fields: { at: 'Enter a date and time' }, general: null });
      focusFirstInvalid(form.current);
      return;
    }
    const note = summary.trim() || null;
    setBusy(true);
    try {
      const result = await api.logInteraction(app.id, {
        ...(instant ? { at: instant } : {}),
        ...(kind
          ? {
              direction: 'in' as const,
              kind,
              channel: 'email' as const,
              contacts: from ? [from] : [],
              ...(kind === 'reply' || kind === 'update'
                ? { newDecisionDate: newDate || null }
                : {}),
              ...(kind === 'update' ? { onHold } : {}),
              ...(kind === 'offer' ? { offerDeadline: deadline || null } : {}),
            }
          : {
              direction: 'out' as const,
              kind: outboundKind(),
              channel: about === 'connect' && choice === 'out:message' ? 'linkedin' : channel,
              contacts: to,
            }),
        summary:
          choice === 'out:decline'
            ? note
              ? `Declined the offer: ${note}`
              : 'Declined the offer'
            : note,
      });
      const label = inbound
        ? `${kindLabel(kind!)} logged`
        : `${OUTBOUND.find((o) => o.value === choice)?.label ?? 'It'}: logged`;
      let planned = '';
      if (choice === 'out:accept') {
        const plan = await api.plan().catch(() => null);
        const n = plan?.steps.filter(
          (st) => st.kind === 'withdraw' && st.id.includes(`:${result.interaction.id}`),
        ).length;
        if (n)
          planned = ` — a polite withdrawal from ${n} other ${n === 1 ? 'application' : 'applications'} is on your plan`;
      }
      notify({
        text: `${label}${planned}${result.warnings.length ? ` — ${result.warnings[0]?.message}` : ''}`,
        tone: 'success',
      });
      setSummary('');
      setNewDate('');
      setOnHold(false);
      setDeadline('');
      setAt(nowIn(zone));
      setAtTouched(false);
      setDirty(false);
      await onLogged();
    } catch (err) {
      setErrors(placeApiError(toApiError(err), LOG_FIELDS));
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      onSubmit={(e) => void submit(e)}
      onChange={() => setDirty(true)}
      className="stack"
      aria-label="Log news or what you did"
      noValidate
    >
      <ErrorSummary
        general={errors.general}
        labels={Object.keys(errors.fields).map((f) => labels[f as LogField])}
      />
      <div className={errors.fields.kind ? 'field invalid' : 'field'}>
        <label htmlFor={selectId}>{LOG_LABELS.kind}</label>
        <select
          id={selectId}
          name="kind"
          value={choice}
          aria-invalid={errors.fields.kind ? true : undefined}
          aria-describedby={describedBy(selectId, undefined, errors.fields.kind)}
          onChange={(e) => choose(e.target.value as LogChoice)}
        >
          <optgroup label="They contacted you">
            {INBOUND.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="You did">
            {OUTBOUND.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldError id={selectId} error={errors.fields.kind} />
      </div>
      {(choice === 'out:message' || choice === 'out:call') && (
        <Select
          label={LOG_LABELS.about}
          name="about"
          value={about}
          onChange={setAbout}
          options={ABOUT}
          error={errors.fields.about}
        />
      )}
      {!inbound && !(choice === 'out:message' && about === 'connect') && (
        <Select
          label={labels.channel}
          name="channel"
          value={channels.includes(channel) ? channel : channels[0]!}
          onChange={setChannel}
          options={channels.map((c) => ({ value: c, label: channelLabel(c) }))}
          error={errors.fields.channel}
        />
      )}
      {inbound ? (
        <Select
          label={labels.contacts}
          name="from"
          value={from}
          onChange={setFrom}
          error={errors.fields.contacts}
          options={[
            { value: '', label: 'Nobody in particular' },
            ...related.map((id) => ({ value: id, label: people.get(id)?.name ?? id })),
          ]}
        />
      ) : related.length > 0 ? (
        <fieldset
          className={errors.fields.contacts ? 'radios invalid' : 'radios'}
          aria-describedby={errors.fields.contacts ? `${selectId}-to-error` : undefined}
        >
          <legend>{labels.contacts}</legend>
          {related.map((id) => (
            <Check
              key={id}
              label={people.get(id)?.name ?? id}
              checked={to.includes(id)}
              onChange={(on) => setTo((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))}
            />
          ))}
          <FieldError id={`${selectId}-to`} error={errors.fields.contacts} />
        </fieldset>
      ) : null}
      <TextField
        label={LOG_LABELS.at}
        name="at"
        type="datetime-local"
        value={at}
        onChange={(v) => {
          setAt(v);
          setAtTouched(true);
        }}
        hint={`Your time (${zone}); now unless you change it`}
        error={errors.fields.at}
      />
      {(kind === 'reply' || kind === 'update') && (
        <TextField
          label={LOG_LABELS.newDecisionDate}
          type="date"
          value={newDate}
          onChange={setNewDate}
          error={errors.fields.newDecisionDate}
        />
      )}
      {kind === 'update' && (
        <Check label={LOG_LABELS.onHold} checked={onHold} onChange={setOnHold} />
      )}
      {kind === 'offer' && (
        <TextField
          label={LOG_LABELS.offerDeadline}
          type="date"
          value={deadline}
          onChange={setDeadline}
          error={errors.fields.offerDeadline}
        />
      )}
      {choice === 'out:accept' && (
        <p className="hint">
          tactful then plans a polite withdrawal from your other active applications.
        </p>
      )}
      <TextArea
        label={LOG_LABELS.summary}
        name="summary"
        value={summary}
        onChange={setSummary}
        rows={2}
        error={errors.fields.summary}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Log it
        </button>
        {kind === 'invitation' && (
          <a className="button" href={href('debrief', app.id)}>
            Add the next round
          </a>
        )}
      </div>
    </form>
  );
}

type ProsConsField = 'pros' | 'cons' | 'strengths';

const PROS_CONS_LABELS: Record<ProsConsField, string> = {
  pros: 'Pros',
  cons: 'Cons',
  strengths: 'Where you would excel',
};

const PROS_CONS_FIELDS: Record<string, ProsConsField> = {
  'prosCons.pros': 'pros',
  'prosCons.cons': 'cons',
  'prosCons.strengths': 'strengths',
};

function ProsConsForm({ app, onSaved }: { app: ApplicationDetail; onSaved: () => Promise<void> }) {
  const notify = useNotify();
  const [pros, setPros] = useState(app.prosCons.pros.join('\n'));
  const [cons, setCons] = useState(app.prosCons.cons.join('\n'));
  const [strengths, setStrengths] = useState(app.prosCons.strengths.join('\n'));
  const [errors, setErrors] = useState<FormErrors<ProsConsField>>(NO_ERRORS);
  const form = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await api.patchApplication(app.id, {
        prosCons: { pros: lines(pros), cons: lines(cons), strengths: lines(strengths) },
      });
      setErrors(NO_ERRORS);
      setDirty(false);
      notify({ text: 'Pros and cons saved', tone: 'success' });
      await onSaved();
    } catch (err) {
      setErrors(placeApiError(toApiError(err), PROS_CONS_FIELDS));
      focusFirstInvalid(form.current);
    }
  };
  return (
    <form
      ref={form}
      className="panel"
      onSubmit={(e) => void submit(e)}
      onChange={() => setDirty(true)}
      aria-labelledby="pc-h"
      noValidate
    >
      <h2 id="pc-h">Pros, cons and strengths</h2>
      <ErrorSummary
        general={errors.general}
        labels={Object.keys(errors.fields).map((f) => PROS_CONS_LABELS[f as ProsConsField])}
      />
      <div className="three-col">
        <TextArea
          label={PROS_CONS_LABELS.pros}
          value={pros}
          onChange={setPros}
          hint="One per line"
          rows={4}
          error={errors.fields.pros}
        />
        <TextArea
          label={PROS_CONS_LABELS.cons}
          value={cons}
          onChange={setCons}
          hint="One per line"
          rows={4}
          error={errors.fields.cons}
        />
        <TextArea
          label={PROS_CONS_LABELS.strengths}
          value={strengths}
          onChange={setStrengths}
          hint="One per line"
          rows={4}
          error={errors.fields.strengths}
        />
      </div>
      <button type="submit" className="primary">
        Save
      </button>
    </form>
  );
}
