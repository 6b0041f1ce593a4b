// One application: its plan (with the why of each step), timeline, pros/cons/strengths and
// forms to log what the organisation said. Every change reloads the plan at once.
import { useState, type FormEvent } from 'react';
import { api, type ApiError, type ApplicationDetail } from '../api.js';
import type { Contact, InboundKind, Settings } from '../../../src/core/types.js';
import { ErrorBox, FormError } from '../components/error-box.js';
import { Check, Select, TextArea, TextField } from '../components/fields.js';
import { humanize, instantLabel, kindLabel, lines, shortDate } from '../format.js';
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

  const timeline = [
    ...app.interviews.map((iv) => ({
      key: `i-${iv.id}`,
      sort: iv.start,
      interview: iv,
      interaction: null,
    })),
    ...app.interactions.map((x) => ({
      key: `x-${x.id}`,
      sort: x.at,
      interview: null,
      interaction: x,
    })),
  ].sort((a, b) => b.sort.localeCompare(a.sort));

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
              {humanize(app.effectiveStatus)}
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
                        ? shortDate(s.due)
                        : `${shortDate(s.earliest)} – ${shortDate(s.due)}`}
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
                      {t.interview.start.replace('T', ' ')} {t.interview.timezone ?? zone}
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
                      ? `With ${t.interview.interviewers.map(name).join(', ')}`
                      : 'No interviewers recorded yet'}
                    {t.interview.decisionExpectedBy &&
                      ` · decision expected by ${shortDate(t.interview.decisionExpectedBy)}`}
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
                      {t.interaction.direction === 'in' ? '← ' : '→ '}
                      {kindLabel(t.interaction.kind)}
                    </strong>
                    <span className="muted">{instantLabel(t.interaction.at, zone)}</span>
                    {t.interaction.channel && (
                      <span className="muted">{humanize(t.interaction.channel)}</span>
                    )}
                    <DeleteButton
                      entity="interaction"
                      id={t.interaction.id}
                      applicationId={app.id}
                      name={kindLabel(t.interaction.kind)}
                    />
                  </div>
                  {(t.interaction.contacts.length > 0 || t.interaction.summary) && (
                    <p>
                      {t.interaction.contacts.map(name).join(', ')}
                      {t.interaction.contacts.length > 0 && t.interaction.summary && ': '}
                      {t.interaction.summary}
                    </p>
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

const LOG_KINDS: { value: InboundKind; label: string }[] = [
  { value: 'reply', label: 'A reply' },
  { value: 'update', label: 'An update (new date, on hold)' },
  { value: 'invitation', label: 'An invitation to another round' },
  { value: 'offer', label: 'An offer' },
  { value: 'rejection', label: 'A rejection' },
];

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
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
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
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-label="Log an inbound message">
      <Select
        label="What happened"
        name="kind"
        value={kind}
        onChange={setKind}
        options={LOG_KINDS}
      />
      <Select
        label="From"
        name="from"
        value={from}
        onChange={setFrom}
        options={[
          { value: '', label: 'Nobody in particular' },
          ...related.map((id) => ({ value: id, label: people.get(id)?.name ?? id })),
        ]}
      />
      {(kind === 'reply' || kind === 'update') && (
        <TextField label="New decision date" type="date" value={newDate} onChange={setNewDate} />
      )}
      {kind === 'update' && (
        <Check label="The process is on hold" checked={onHold} onChange={setOnHold} />
      )}
      {kind === 'offer' && (
        <TextField label="Offer deadline" type="date" value={deadline} onChange={setDeadline} />
      )}
      <TextArea label="Summary" name="summary" value={summary} onChange={setSummary} rows={2} />
      <FormError error={error} />
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

function ProsConsForm({ app, onSaved }: { app: ApplicationDetail; onSaved: () => Promise<void> }) {
  const notify = useNotify();
  const [pros, setPros] = useState(app.prosCons.pros.join('\n'));
  const [cons, setCons] = useState(app.prosCons.cons.join('\n'));
  const [strengths, setStrengths] = useState(app.prosCons.strengths.join('\n'));
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await api.patchApplication(app.id, {
        prosCons: { pros: lines(pros), cons: lines(cons), strengths: lines(strengths) },
      });
      setError(null);
      notify({ text: 'Pros and cons saved', tone: 'success' });
      await onSaved();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="pc-h">
      <h2 id="pc-h">Pros, cons and strengths</h2>
      <div className="three-col">
        <TextArea label="Pros" value={pros} onChange={setPros} hint="One per line" rows={4} />
        <TextArea label="Cons" value={cons} onChange={setCons} hint="One per line" rows={4} />
        <TextArea
          label="Where you would excel"
          value={strengths}
          onChange={setStrengths}
          hint="One per line"
          rows={4}
        />
      </div>
      <FormError error={error} />
      <button type="submit" className="primary">
        Save
      </button>
    </form>
  );
}
