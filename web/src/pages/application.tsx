// One application: its plan (with the why of each step), timeline, pros/cons/strengths and
// forms to log what the organisation said. Every change reloads the plan at once.
import { useRef, useState, type FormEvent } from 'react';
import { api, type ApplicationDetail } from '../api.js';
import type { Contact, InboundKind, Settings } from '../../../src/core/types.js';
import { ErrorBox, ErrorSummary } from '../components/error-box.js';
import { Check, Select, TextArea, TextField } from '../components/fields.js';
import { formatDate, formatDateTime, lines, wallTimeToEpoch, type DateContext } from '../format.js';
import { interactionSentence, kindLabel, nameList, statusLabel } from '../labels.js';
import { focusFirstInvalid, NO_ERRORS, placeApiError, type FormErrors } from '../form-errors.js';
import { useNotify } from '../notice.js';
import { href, navigate } from '../router.js';
import { DeleteButton } from '../components/delete-button.js';
import { toApiError, useLoad } from '../use-load.js';
import { ApplicationForm, SOURCE_LABELS } from './applications.js';

interface Data {
  app: ApplicationDetail;
  contacts: Contact[];
  settings: Settings;
}

export default function ApplicationPage({ id }: { id: string }) {
  const { data, error, reload } = useLoad(async (): Promise<Data> => {
    const [app, contacts, settings] = await Promise.all([
      api.application(id),
      api.contacts(),
      api.settings(),
    ]);
    return { app, contacts, settings };
  }, [id]);
  const [editing, setEditing] = useState(false);

  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading the application…</p>;
  const { app, contacts, settings } = data;
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
    })),
    ...app.interactions.map((x) => ({
      key: `x-${x.id}`,
      at: Date.parse(x.at),
      interview: null,
      interaction: x,
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
          <h2 id="log-h">Log what they said</h2>
          <LogForm app={app} people={people} onLogged={reload} />
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

const LOG_KINDS: { value: InboundKind; label: string }[] = [
  { value: 'reply', label: 'A reply' },
  { value: 'update', label: 'An update (new date, on hold)' },
  { value: 'invitation', label: 'An invitation to another round' },
  { value: 'offer', label: 'An offer' },
  { value: 'rejection', label: 'A rejection' },
];

type LogField = 'kind' | 'contacts' | 'newDecisionDate' | 'onHold' | 'offerDeadline' | 'summary';

const LOG_LABELS: Record<LogField, string> = {
  kind: 'What happened',
  contacts: 'From',
  newDecisionDate: 'New decision date',
  onHold: 'The process is on hold',
  offerDeadline: 'Offer deadline',
  summary: 'Summary',
};

/** The API's field names → this form's fields (the same names). */
const LOG_FIELDS: Record<string, LogField> = Object.fromEntries(
  Object.keys(LOG_LABELS).map((k) => [k, k as LogField]),
);

function LogForm({
  app,
  people,
  onLogged,
}: {
  app: ApplicationDetail;
  people: Map<string, Contact>;
  onLogged: () => Promise<void>;
}) {
  const notify = useNotify();
  const related = [
    ...new Set([
      ...app.interviews.flatMap((i) => i.interviewers),
      ...(app.agent ? [app.agent] : []),
    ]),
  ];
  const [kind, setKind] = useState<InboundKind>('reply');
  const [from, setFrom] = useState(related[0] ?? '');
  const [summary, setSummary] = useState('');
  const [newDate, setNewDate] = useState('');
  const [onHold, setOnHold] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<FormErrors<LogField>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const result = await api.logInteraction(app.id, {
        direction: 'in',
        kind,
        channel: 'email',
        contacts: from ? [from] : [],
        summary: summary.trim() || null,
        ...(kind === 'reply' || kind === 'update' ? { newDecisionDate: newDate || null } : {}),
        ...(kind === 'update' ? { onHold } : {}),
        ...(kind === 'offer' ? { offerDeadline: deadline || null } : {}),
      });
      notify({
        text: `${kindLabel(kind)} logged${result.warnings.length ? ` — ${result.warnings[0]?.message}` : ''}`,
        tone: 'success',
      });
      setSummary('');
      setNewDate('');
      setOnHold(false);
      setDeadline('');
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
      className="stack"
      aria-label="Log an inbound message"
      noValidate
    >
      <ErrorSummary
        general={errors.general}
        labels={Object.keys(errors.fields).map((f) => LOG_LABELS[f as LogField])}
      />
      <Select
        label={LOG_LABELS.kind}
        name="kind"
        value={kind}
        onChange={setKind}
        options={LOG_KINDS}
        error={errors.fields.kind}
      />
      <Select
        label={LOG_LABELS.contacts}
        name="from"
        value={from}
        error={errors.fields.contacts}
        onChange={setFrom}
        options={[
          { value: '', label: 'Nobody in particular' },
          ...related.map((id) => ({ value: id, label: people.get(id)?.name ?? id })),
        ]}
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
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await api.patchApplication(app.id, {
        prosCons: { pros: lines(pros), cons: lines(cons), strengths: lines(strengths) },
      });
      setErrors(NO_ERRORS);
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
