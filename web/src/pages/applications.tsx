// Applications: a board by status, a form to add one, "close as no response" on active ones.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  api,
  type AppWithStatus,
  type BoardCard,
  type BoardColumn,
  type RegionName,
} from '../api.js';
import {
  APPLICATION_STATUSES,
  SOURCES,
  type ApplicationStatus,
  type Contact,
  type Source,
} from '../../../src/core/types.js';
import { Combobox } from '../components/combobox.js';
import { ErrorBox, ErrorSummary } from '../components/error-box.js';
import { Check, Select, TextField } from '../components/fields.js';
import {
  check,
  collect,
  focusFirstInvalid,
  NO_ERRORS,
  placeApiError,
  type FormErrors,
} from '../form-errors.js';
import { activeSummary, sourceLabel, statusLabel } from '../labels.js';
import { loadRegions, regionOptions, regionSearch } from '../places.js';
import { useNotify } from '../notice.js';
import { href, navigate } from '../router.js';
import { useUnsavedChanges } from '../unsaved.js';
import { toApiError, useLoad } from '../use-load.js';

/** Cards per column on first load: the page stays light at 10,000 applications. */
const FIRST_CARDS = 50;

export default function ApplicationsPage() {
  const { data, error, reload } = useLoad(() => api.board({ limit: FIRST_CARDS }), []);
  // Columns the seeker expanded ("Show all"): their full card lists, by status.
  const [expanded, setExpanded] = useState<Partial<Record<ApplicationStatus, BoardCard[]>>>({});
  const [adding, setAdding] = useState(false);
  const notify = useNotify();

  const refresh = async (): Promise<void> => {
    setExpanded({});
    await reload();
  };

  const close = async (a: BoardCard): Promise<void> => {
    try {
      await api.patchApplication(a.id, { status: 'closed' });
      notify({ text: `${a.organization} closed as no response`, tone: 'success' });
      await refresh();
    } catch (e) {
      notify({ text: toApiError(e).message, tone: 'error' });
    }
  };

  const showAll = async (column: BoardColumn): Promise<void> => {
    try {
      const more = await api.board({
        status: column.status,
        offset: column.cards.length,
        limit: column.total,
      });
      const rest = more.columns[0]?.cards ?? [];
      setExpanded((e) => ({ ...e, [column.status]: [...column.cards, ...rest] }));
    } catch (e) {
      notify({ text: toApiError(e).message, tone: 'error' });
    }
  };

  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  const columns = data?.columns ?? [];
  const total = columns.reduce((n, c) => n + c.total, 0);
  const count = (status: ApplicationStatus) => columns.find((c) => c.status === status)?.total ?? 0;
  return (
    <div>
      <div className="page-head">
        <h1>Applications</h1>
        <div className="head-actions">
          <button
            type="button"
            className="primary"
            aria-expanded={adding}
            onClick={() => setAdding((v) => !v)}
          >
            New application
          </button>
          <a className="button" href={href('debrief')}>
            Debrief an interview
          </a>
        </div>
      </div>
      {data && total > 0 && (
        <p className="muted board-summary" data-testid="active-summary">
          {activeSummary({ active: count('active'), offer: count('offer') })}
        </p>
      )}
      {adding && <ApplicationForm onDone={() => setAdding(false)} />}
      {!data ? (
        <p className="loading">Loading applications…</p>
      ) : total === 0 ? (
        <div className="empty">
          <h2>No applications yet</h2>
          <p>Add the role you applied for, or debrief an interview you just had.</p>
        </div>
      ) : (
        <div className="board">
          {APPLICATION_STATUSES.map((status) => {
            const column = columns.find((c) => c.status === status);
            if (!column) return null;
            const cards = expanded[status] ?? column.cards;
            const hidden = column.total - cards.length;
            return (
              <section
                key={status}
                className={`column column-${status}`}
                aria-labelledby={`col-${status}`}
              >
                <h2 id={`col-${status}`}>
                  {statusLabel(status)} <span className="count">{column.total}</span>
                </h2>
                <ul>
                  {cards.map((a) => (
                    <li key={a.id} className="card">
                      <a href={href('applications', a.id)} className="card-title">
                        {a.organization}
                      </a>
                      <span className="card-role">{a.role}</span>
                      <span className="card-meta">
                        {sourceLabel(a.source)} · {a.rounds} {a.rounds === 1 ? 'round' : 'rounds'}
                      </span>
                      {status === 'active' && (
                        <button type="button" className="link" onClick={() => void close(a)}>
                          Close as no response<span className="sr-only"> ({a.organization})</span>
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {hidden > 0 && (
                  <button type="button" className="link" onClick={() => void showAll(column)}>
                    Show all {column.total}
                    <span className="sr-only"> {statusLabel(status).toLowerCase()}</span>
                  </button>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

export function ApplicationForm({
  onDone,
  initial,
  contacts = [],
}: {
  onDone: () => void;
  initial?: AppWithStatus;
  /** Given when editing: the agent and the references are picked from these. */
  contacts?: Contact[];
}) {
  const [organization, setOrganization] = useState(initial?.organization ?? '');
  const [role, setRole] = useState(initial?.role ?? '');
  const [source, setSource] = useState<Source>(initial?.source ?? 'employer');
  const [region, setRegion] = useState(initial?.region ?? '');
  // The status the seeker sees on the page (a logged offer or accept counts).
  const shownStatus = initial ? (initial.effectiveStatus ?? initial.status) : 'active';
  const [status, setStatus] = useState<ApplicationStatus>(shownStatus);
  const [agent, setAgent] = useState(initial?.agent ?? '');
  const [references, setReferences] = useState<string[]>(initial?.references ?? []);
  const [errors, setErrors] = useState<FormErrors<AppField>>(NO_ERRORS);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);
  const notify = useNotify();
  const form = useRef<HTMLFormElement>(null);
  const [regions, setRegions] = useState<readonly RegionName[]>([]);
  useEffect(() => {
    loadRegions().then(setRegions, () => undefined);
  }, []);
  const regionChoices = useMemo(
    () => [{ value: '', label: 'Your own region (from Settings)' }, ...regionOptions(regions)],
    [regions],
  );
  const searchRegion = useMemo(() => regionSearch(regions), [regions]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found = collect<AppField>({
      organization: check.required(organization, 'The organisation'),
      role: check.required(role, 'The role'),
      region:
        region === '' || regions.length === 0 || regions.some((r) => r.code === region)
          ? null
          : 'Pick a region from the list',
    });
    if (Object.keys(found).length > 0) {
      setErrors({ fields: found, general: null });
      focusFirstInvalid(form.current);
      return;
    }
    setErrors(NO_ERRORS);
    // Only a changed status is sent: saving other fields never pins the shown one.
    const statusChanged = initial !== undefined && status !== shownStatus;
    const input = {
      organization,
      role,
      source,
      region: region.trim() || null,
      ...(initial ? { agent: agent || null, references } : {}),
      ...(statusChanged ? { status } : {}),
    };
    try {
      if (initial) {
        await api.patchApplication(initial.id, input);
        notify({
          text:
            statusChanged && status === 'accepted'
              ? 'Application saved as accepted: polite withdrawals from your other active applications are on your plan'
              : 'Application saved',
          tone: 'success',
        });
        setDirty(false);
        onDone();
      } else {
        const created = await api.addApplication(input);
        setDirty(false);
        navigate('applications', created.id);
      }
    } catch (err) {
      setErrors(placeApiError(toApiError(err), APP_FIELDS));
      focusFirstInvalid(form.current);
    }
  };

  const agentLabel = source === 'recruiter' ? 'Recruiter' : 'Agent';
  const labels: Record<AppField, string> = { ...APP_LABELS, agent: agentLabel };
  return (
    <form
      ref={form}
      className="panel form-grid"
      onSubmit={(e) => void submit(e)}
      onChange={() => setDirty(true)}
      aria-label={initial ? 'Edit application' : 'New application'}
      noValidate
    >
      <ErrorSummary
        general={errors.general}
        labels={Object.keys(errors.fields).map((f) => labels[f as AppField])}
      />
      <TextField
        label={APP_LABELS.organization}
        value={organization}
        onChange={setOrganization}
        required
        error={errors.fields.organization}
      />
      <TextField
        label={APP_LABELS.role}
        value={role}
        onChange={setRole}
        required
        error={errors.fields.role}
      />
      <Select
        label={APP_LABELS.source}
        value={source}
        onChange={setSource}
        options={SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
        error={errors.fields.source}
      />
      <Combobox
        label={APP_LABELS.region}
        name="region"
        value={region}
        onChange={setRegion}
        options={regionChoices}
        search={searchRegion}
        hint="Its public holidays are not business days. Type a country or a state."
        error={errors.fields.region}
      />
      {initial && (
        <Select
          label={APP_LABELS.status}
          value={status}
          onChange={setStatus}
          options={APPLICATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          error={errors.fields.status}
        />
      )}
      {initial && status !== shownStatus && (status === 'accepted' || status === 'withdrawn') && (
        <p className="hint status-hint">
          {status === 'accepted'
            ? 'Saving records that you accepted: tactful then plans a polite withdrawal from your other active applications.'
            : 'To record that you told them, use “I withdrew” under Log what happened.'}
        </p>
      )}
      {initial && source !== 'employer' && (
        <Select
          label={agentLabel}
          error={errors.fields.agent}
          value={agent}
          onChange={setAgent}
          options={[
            { value: '', label: 'Nobody yet' },
            ...contacts.map((c) => ({
              value: c.id,
              label: c.organization ? `${c.name} (${c.organization})` : c.name,
            })),
          ]}
        />
      )}
      {initial && (
        <fieldset
          className={errors.fields.references ? 'radios invalid' : 'radios'}
          aria-describedby={errors.fields.references ? 'app-references-error' : undefined}
        >
          <legend>{APP_LABELS.references}</legend>
          {contacts.filter((c) => c.isReference).length === 0 ? (
            <span className="muted">Mark your references on the Contacts page.</span>
          ) : (
            contacts
              .filter((c) => c.isReference)
              .map((c) => (
                <Check
                  key={c.id}
                  label={c.name}
                  checked={references.includes(c.id)}
                  onChange={(on) =>
                    setReferences((ids) => (on ? [...ids, c.id] : ids.filter((id) => id !== c.id)))
                  }
                />
              ))
          )}
          {errors.fields.references && (
            <small id="app-references-error" className="field-error">
              {errors.fields.references}
            </small>
          )}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {initial ? 'Save' : 'Add application'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type AppField = 'organization' | 'role' | 'source' | 'region' | 'status' | 'agent' | 'references';

const APP_LABELS: Record<AppField, string> = {
  organization: 'Organisation',
  role: 'Role',
  source: 'Who you deal with',
  region: 'Holiday region',
  status: 'Status',
  agent: 'Agent',
  references: 'References who may be called for this role',
};

/** The API's field names → this form's fields (the same names). */
const APP_FIELDS: Record<string, AppField> = Object.fromEntries(
  Object.keys(APP_LABELS).map((k) => [k, k as AppField]),
);

export const SOURCE_LABELS: Record<Source, string> = {
  employer: 'The employer directly',
  recruiter: 'A recruiter for the employer',
  agency: 'A staffing agency',
};
