// Debrief: the two-minute form right after an interview. Works for a new application, a new
// round of an existing one, or an interview already on record (#/debrief/<app>/<interview>).
import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, type AppWithStatus } from '../api.js';
import {
  CHANCES,
  SOURCES,
  type Chance,
  type Contact,
  type Interview,
  type Settings,
  type Source,
  type Step,
} from '../../../src/core/types.js';
import { Combobox } from '../components/combobox.js';
import { ErrorBox, FormError } from '../components/error-box.js';
import { Check, Select, TextArea, TextField } from '../components/fields.js';
import { hourIn, lines } from '../format.js';
import { humanize, kindLabel } from '../labels.js';
import { useNotify } from '../notice.js';
import { searchZones, zoneOptions } from '../places.js';
import { navigate } from '../router.js';
import { useUnsavedChanges } from '../unsaved.js';
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
  const initialZone = interview?.timezone ?? data.settings.timezone;
  const [timezone, setTimezone] = useState(initialZone);
  // The zone picker of Settings: only a listed zone can be chosen (the stored one included).
  const zones = useMemo(() => zoneOptions(Date.now(), initialZone), [initialZone]);
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
  const [discussed, setDiscussed] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      notesByInterviewer(interview).map((n) => [n.contact, n.keyPoints.join('\n')]),
    ),
  );
  const [typed, setTyped] = useState<NewInterviewer>(NO_INTERVIEWER);
  const [typedError, setTypedError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);

  const org = chosen?.organization ?? organization;

  /**
   * Creates the interviewer typed into the "new interviewer" fields as a contact and selects
   * them; null when nothing is typed. Throws (with the reason shown beside the fields) when
   * it cannot: a save never drops a typed interviewer silently.
   */
  const addTyped = async (): Promise<Contact | null> => {
    const started = Object.values(typed).some((v) => v.trim() !== '');
    if (!started) return null;
    if (!typed.name.trim()) {
      const err = new ApiError(
        400,
        'invalid_input',
        'Name: enter the interviewer’s name, or clear the fields of the new interviewer',
        'name',
      );
      setTypedError(err);
      throw err;
    }
    try {
      const created = await api.addContact({
        name: typed.name.trim(),
        title: typed.title.trim() || null,
        email: typed.email.trim() || null,
        linkedin: typed.linkedin.trim() || null,
        organization: org.trim() || null,
      });
      setContacts((cs) => [...cs, created]);
      setInterviewers((ids) => [...ids, created.id]);
      if (typed.discussed.trim()) setDiscussed((d) => ({ ...d, [created.id]: typed.discussed }));
      setTyped(NO_INTERVIEWER);
      setTypedError(null);
      return created;
    } catch (err) {
      const apiError = toApiError(err);
      setTypedError(apiError);
      throw apiError;
    }
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let added: Contact | null;
      try {
        added = await addTyped();
      } catch {
        // The reason is beside the new interviewer's fields; nothing else was saved.
        setError(
          new ApiError(400, 'invalid_input', 'Not saved: see the new interviewer above', 'name'),
        );
        return;
      }
      const people = added ? [...interviewers, added.id] : interviewers;
      const typedNotes = added && typed.discussed.trim() ? { [added.id]: typed.discussed } : {};
      const byInterviewer = people
        .map((id) => ({ contact: id, keyPoints: lines({ ...discussed, ...typedNotes }[id] ?? '') }))
        .filter((n) => n.keyPoints.length > 0);
      let appId = applicationId;
      if (!appId) {
        appId = (await api.addApplication({ organization, role, source })).id;
        // A retry after a later failure must not add the application twice.
        setApplicationId(appId);
      }
      const fields = {
        start,
        timezone: timezone.trim() || null,
        durationMinutes: Number(duration),
        format: format.trim() || null,
        interviewers: people,
        decisionExpectedBy: decision || null,
        quickDecision: quick,
        unavailableUntil: away || null,
        chance,
        final,
        notes: {
          keyPoints: lines(keyPoints),
          forgot: lines(forgot),
          promises: lines(promises),
          // Sent when written, or to clear notes on record (a list replaces the stored one).
          ...(byInterviewer.length > 0 || notesByInterviewer(interview).length > 0
            ? { byInterviewer }
            : {}),
        },
      };
      const saved = interview
        ? await api.saveInterview(appId, interview.id, fields)
        : await api.addInterview(appId, { round: nextRound, ...fields });
      const detail = await api.application(appId).catch(() => null);
      const names = new Map([...contacts, ...(added ? [added] : [])].map((c) => [c.id, c.name]));
      notify({ text: plannedMessage(detail?.steps ?? [], saved.id, names), tone: 'success' });
      setDirty(false);
      navigate('applications', appId);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="debrief"
      onSubmit={(e) => void submit(e)}
      onChange={() => setDirty(true)}
      aria-labelledby="debrief-h"
    >
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
          <Combobox
            label="Time zone"
            name="timezone"
            value={timezone}
            onChange={(zone) => {
              setTimezone(zone);
              setDirty(true);
            }}
            options={zones}
            search={searchZones}
            hint="Where the interview’s time is; type a city, e.g. New York or London"
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
          discussed={discussed}
          onDiscussed={(id, text) => setDiscussed((d) => ({ ...d, [id]: text }))}
          typed={typed}
          onTyped={(t) => {
            setTyped(t);
            setTypedError(null);
          }}
          error={typedError}
          onAdd={() => void addTyped().catch(() => undefined)}
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

/** Per-interviewer notes (`notes.byInterviewer`), absent from interviews saved before them. */
function notesByInterviewer(
  interview: Interview | null,
): { contact: string; keyPoints: string[] }[] {
  const notes = interview?.notes as
    { byInterviewer?: { contact: string; keyPoints: string[] }[] } | undefined;
  return notes?.byInterviewer ?? [];
}

interface NewInterviewer {
  name: string;
  title: string;
  email: string;
  linkedin: string;
  discussed: string;
}

const NO_INTERVIEWER: NewInterviewer = {
  name: '',
  title: '',
  email: '',
  linkedin: '',
  discussed: '',
};

/** What the save planned, in the seeker's words: never "ready" when it planned a debrief. */
export function plannedMessage(
  steps: Step[],
  interviewId: string,
  names: Map<string, string>,
): string {
  const ofRound = steps.filter((s) => s.id.split(':').includes(interviewId));
  const thanks = ofRound.filter((s) => s.kind === 'thank_you');
  if (thanks.length > 0) {
    const who = thanks.flatMap((s) => s.to).map((id) => names.get(id) ?? id);
    return `Debrief saved: thank-you ${thanks.length === 1 ? 'note' : 'notes'} to ${who.join(', ')} planned`;
  }
  if (ofRound.some((s) => s.kind === 'debrief'))
    return 'Debrief saved, but no interviewer is recorded: no thank-you planned yet. Add who you met.';
  if (ofRound.length > 0)
    return `Debrief saved: planned ${ofRound.map((s) => kindLabel(s.kind).toLowerCase()).join(', ')}`;
  return 'Debrief saved: no new step for this round';
}

function Interviewers({
  contacts,
  organization,
  selected,
  onChange,
  discussed,
  onDiscussed,
  typed,
  onTyped,
  error,
  onAdd,
}: {
  contacts: Contact[];
  organization: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  discussed: Record<string, string>;
  onDiscussed: (id: string, text: string) => void;
  typed: NewInterviewer;
  onTyped: (t: NewInterviewer) => void;
  error: ApiError | null;
  onAdd: () => void;
}) {
  const orgKey = organization.trim().toLowerCase();
  // People of this organisation first, then the already chosen ones, then nobody else:
  // a long list of every contact would bury the right names.
  const shown = contacts.filter(
    (c) =>
      selected.includes(c.id) ||
      (orgKey !== '' && (c.organization ?? '').trim().toLowerCase() === orgKey),
  );
  const chosen = selected
    .map((id) => contacts.find((c) => c.id === id))
    .filter((c): c is Contact => c !== undefined);
  const set = (key: keyof NewInterviewer) => (value: string) => onTyped({ ...typed, [key]: value });
  // The reason sits under the field it is about; anything else under the fields.
  const fieldOf = (f: string | undefined): keyof NewInterviewer | null =>
    f === 'name' || f === 'title' || f === 'email' || f === 'linkedin' ? f : null;
  const errorAt = (key: keyof NewInterviewer) =>
    error && fieldOf(error.field) === key ? (
      <p className="error field-error" role="alert">
        {error.message}
      </p>
    ) : null;

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
      {chosen.length > 0 && (
        <div className="discussed">
          {chosen.map((c) => (
            <TextArea
              key={c.id}
              label={`What you discussed with ${c.name}`}
              name={`discussed-${c.id}`}
              value={discussed[c.id] ?? ''}
              onChange={(text) => onDiscussed(c.id, text)}
              hint="One per line; their thank-you mentions it"
              rows={2}
            />
          ))}
        </div>
      )}
      <div className="new-contact">
        <p className="sub">
          Add an interviewer (the first one is your lead contact). Saving the debrief adds the one
          typed here.
        </p>
        <div className="form-grid">
          <div>
            <TextField
              label="Name"
              name="interviewerName"
              value={typed.name}
              onChange={set('name')}
            />
            {errorAt('name')}
          </div>
          <div>
            <TextField
              label="Title"
              name="interviewerTitle"
              value={typed.title}
              onChange={set('title')}
            />
            {errorAt('title')}
          </div>
          <div>
            <TextField
              label="E-mail"
              name="interviewerEmail"
              type="email"
              value={typed.email}
              onChange={set('email')}
            />
            {errorAt('email')}
          </div>
          <div>
            <TextField
              label="LinkedIn URL"
              name="interviewerLinkedin"
              type="url"
              value={typed.linkedin}
              onChange={set('linkedin')}
            />
            {errorAt('linkedin')}
          </div>
        </div>
        <TextArea
          label="What you discussed with them"
          name="interviewerDiscussed"
          value={typed.discussed}
          onChange={set('discussed')}
          hint="One per line"
          rows={2}
        />
        {error && fieldOf(error.field) === null && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        <button type="button" onClick={onAdd}>
          Add interviewer
        </button>
      </div>
    </div>
  );
}
