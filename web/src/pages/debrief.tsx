// Debrief: the two-minute form right after an interview. Works for a new application, a new
// round of an existing one, or an interview already on record (#/debrief/<app>/<interview>).
import { useState, type FormEvent } from 'react';
import { api, type ApiError, type AppWithStatus } from '../api.js';
import {
  CHANCES,
  SOURCES,
  type Chance,
  type Contact,
  type Interview,
  type Settings,
  type Source,
} from '../../../src/core/types.js';
import { ErrorBox, FormError } from '../components/error-box.js';
import { Check, Select, TextArea, TextField } from '../components/fields.js';
import { hourIn, lines } from '../format.js';
import { humanize } from '../labels.js';
import { useNotify } from '../notice.js';
import { navigate } from '../router.js';
import { toApiError, useLoad } from '../use-load.js';
import { SOURCE_LABELS } from './applications.js';

interface Data {
  applications: AppWithStatus[];
  contacts: Contact[];
  settings: Settings;
}

export default function DebriefPage({
  applicationId,
  interviewId,
}: {
  applicationId: string | null;
  interviewId: string | null;
}) {
  const { data, error, reload } = useLoad(async (): Promise<Data> => {
    const [applications, contacts, settings] = await Promise.all([
      api.applications(),
      api.contacts(),
      api.settings(),
    ]);
    return { applications, contacts, settings };
  }, []);
  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading…</p>;
  const app = data.applications.find((a) => a.id === applicationId) ?? null;
  const interview = app?.interviews.find((i) => i.id === interviewId) ?? null;
  return <DebriefForm data={data} app={app} interview={interview} />;
}

function DebriefForm({
  data,
  app,
  interview,
}: {
  data: Data;
  app: AppWithStatus | null;
  interview: Interview | null;
}) {
  const notify = useNotify();
  const [contacts, setContacts] = useState(data.contacts);
  const [applicationId, setApplicationId] = useState(app?.id ?? '');
  const [organization, setOrganization] = useState('');
  const [role, setRole] = useState('');
  const [source, setSource] = useState<Source>('employer');
  const chosen = data.applications.find((a) => a.id === applicationId) ?? null;
  const nextRound = (chosen?.interviews.reduce((m, i) => Math.max(m, i.round), 0) ?? 0) + 1;

  const [start, setStart] = useState(
    interview?.start.slice(0, 16) ?? hourIn(data.settings.timezone),
  );
  const [timezone, setTimezone] = useState(interview?.timezone ?? data.settings.timezone);
  const [duration, setDuration] = useState(String(interview?.durationMinutes ?? 60));
  const [format, setFormat] = useState(interview?.format ?? 'video');
  const [interviewers, setInterviewers] = useState<string[]>(interview?.interviewers ?? []);
  const [keyPoints, setKeyPoints] = useState(interview?.notes.keyPoints.join('\n') ?? '');
  const [forgot, setForgot] = useState(interview?.notes.forgot.join('\n') ?? '');
  const [promises, setPromises] = useState(interview?.notes.promises.join('\n') ?? '');
  const [decision, setDecision] = useState(interview?.decisionExpectedBy ?? '');
  const [quick, setQuick] = useState(interview?.quickDecision ?? false);
  const [away, setAway] = useState(interview?.unavailableUntil ?? '');
  const [chance, setChance] = useState<Chance>(interview?.chance ?? 'medium');
  const [final, setFinal] = useState(interview?.final ?? false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const org = chosen?.organization ?? organization;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let appId = applicationId;
      if (!appId) appId = (await api.addApplication({ organization, role, source })).id;
      const fields = {
        start,
        timezone: timezone.trim() || null,
        durationMinutes: Number(duration),
        format: format.trim() || null,
        interviewers,
        decisionExpectedBy: decision || null,
        quickDecision: quick,
        unavailableUntil: away || null,
        chance,
        final,
        notes: { keyPoints: lines(keyPoints), forgot: lines(forgot), promises: lines(promises) },
      };
      if (interview) await api.saveInterview(appId, interview.id, fields);
      else await api.addInterview(appId, { round: nextRound, ...fields });
      notify({ text: 'Debrief saved: your follow-up plan is ready', tone: 'success' });
      navigate('applications', appId);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="debrief" onSubmit={(e) => void submit(e)} aria-labelledby="debrief-h">
      <div className="page-head">
        <h1 id="debrief-h">Debrief{chosen ? `: ${chosen.organization}` : ''}</h1>
        <p className="muted">
          {interview ? `Round ${interview.round}` : 'Right after the interview, while it is fresh.'}
        </p>
      </div>

      {!app && (
        <fieldset className="panel">
          <legend>Application</legend>
          <Select
            label="Which application"
            name="application"
            value={applicationId}
            onChange={setApplicationId}
            options={[
              { value: '', label: 'A new application' },
              ...data.applications.map((a) => ({
                value: a.id,
                label: `${a.organization} · ${a.role}`,
              })),
            ]}
          />
          {!applicationId && (
            <div className="form-grid">
              <TextField
                label="Organisation"
                name="organization"
                value={organization}
                onChange={setOrganization}
                required
              />
              <TextField label="Role" name="role" value={role} onChange={setRole} required />
              <Select
                label="Who you deal with"
                value={source}
                onChange={setSource}
                options={SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
              />
            </div>
          )}
        </fieldset>
      )}

      <fieldset className="panel">
        <legend>The interview{interview ? '' : ` (round ${nextRound})`}</legend>
        <div className="form-grid">
          <TextField
            label="Started at"
            name="start"
            type="datetime-local"
            value={start}
            onChange={setStart}
            required
          />
          <TextField
            label="Time zone"
            name="timezone"
            value={timezone}
            onChange={setTimezone}
            hint="IANA name, e.g. Europe/London"
          />
          <TextField
            label="Duration (minutes)"
            name="duration"
            type="number"
            min="1"
            value={duration}
            onChange={setDuration}
          />
          <TextField
            label="Format"
            name="format"
            value={format}
            onChange={setFormat}
            placeholder="video, phone, on site"
          />
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>Who interviewed you</legend>
        <Interviewers
          contacts={contacts}
          organization={org}
          selected={interviewers}
          onChange={setInterviewers}
          onCreated={(c) => {
            setContacts((cs) => [...cs, c]);
            setInterviewers((ids) => [...ids, c.id]);
          }}
        />
      </fieldset>

      <fieldset className="panel">
        <legend>Notes</legend>
        <div className="three-col">
          <TextArea
            label="Key points discussed"
            name="keyPoints"
            value={keyPoints}
            onChange={setKeyPoints}
            hint="One per line"
            rows={4}
          />
          <TextArea
            label="What you forgot to mention"
            name="forgot"
            value={forgot}
            onChange={setForgot}
            hint="One per line"
            rows={4}
          />
          <TextArea
            label="Promises you made"
            name="promises"
            value={promises}
            onChange={setPromises}
            hint="e.g. send portfolio link"
            rows={4}
          />
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>What happens next</legend>
        <div className="form-grid">
          <TextField
            label="They expect to decide by"
            name="decision"
            type="date"
            value={decision}
            onChange={setDecision}
          />
          <TextField
            label="They are away until"
            name="away"
            type="date"
            value={away}
            onChange={setAway}
          />
        </div>
        <Check
          label="They said they decide quickly"
          name="quick"
          checked={quick}
          onChange={setQuick}
        />
        <Check label="This was the final round" name="final" checked={final} onChange={setFinal} />
        <fieldset className="radios">
          <legend>Your sense of your chances</legend>
          {CHANCES.map((c) => (
            <label key={c} className="radio">
              <input
                type="radio"
                name="chance"
                value={c}
                checked={chance === c}
                onChange={() => setChance(c)}
              />{' '}
              {humanize(c)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save debrief'}
        </button>
      </div>
    </form>
  );
}

function Interviewers({
  contacts,
  organization,
  selected,
  onChange,
  onCreated,
}: {
  contacts: Contact[];
  organization: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  onCreated: (c: Contact) => void;
}) {
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [linkedin, setLinkedin] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const orgKey = organization.trim().toLowerCase();
  // People of this organisation first, then the already chosen ones, then nobody else:
  // a long list of every contact would bury the right names.
  const shown = contacts.filter(
    (c) =>
      selected.includes(c.id) ||
      (orgKey !== '' && (c.organization ?? '').trim().toLowerCase() === orgKey),
  );

  const add = async (): Promise<void> => {
    if (!name.trim()) {
      setError(toApiError(new Error('Name: enter the interviewer’s name')));
      return;
    }
    try {
      const created = await api.addContact({
        name: name.trim(),
        title: title.trim() || null,
        email: email.trim() || null,
        linkedin: linkedin.trim() || null,
        organization: organization.trim() || null,
      });
      onCreated(created);
      setName('');
      setTitle('');
      setEmail('');
      setLinkedin('');
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <div className="interviewers">
      {shown.length > 0 && (
        <ul className="pick-list">
          {shown.map((c) => (
            <li key={c.id}>
              <Check
                label={
                  <>
                    {c.name}
                    {c.title && <span className="muted"> · {c.title}</span>}
                  </>
                }
                checked={selected.includes(c.id)}
                onChange={(on) =>
                  onChange(on ? [...selected, c.id] : selected.filter((id) => id !== c.id))
                }
              />
            </li>
          ))}
        </ul>
      )}
      <div className="new-contact">
        <p className="sub">Add an interviewer (the first one is your lead contact)</p>
        <div className="form-grid">
          <TextField label="Name" name="interviewerName" value={name} onChange={setName} />
          <TextField label="Title" name="interviewerTitle" value={title} onChange={setTitle} />
          <TextField
            label="E-mail"
            name="interviewerEmail"
            type="email"
            value={email}
            onChange={setEmail}
          />
          <TextField
            label="LinkedIn URL"
            name="interviewerLinkedin"
            type="url"
            value={linkedin}
            onChange={setLinkedin}
          />
        </div>
        <FormError error={error} />
        <button type="button" onClick={() => void add()}>
          Add interviewer
        </button>
      </div>
    </div>
  );
}
