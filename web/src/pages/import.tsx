// Import: a spreadsheet, a Huntr or Teal export, LinkedIn's Connections.csv, vCards or calendar
// invitations. The file goes to the server as it is (it detects the encoding and the format,
// exactly as `tactful import` does); the page shows the preview — each column with its first
// values and the field it feeds (changeable), the counts, the refused rows — and writes
// nothing until "Import". The result offers Undo and the way to Today.
import { useEffect, useState, type DragEvent } from 'react';
import {
  api,
  type AppWithStatus,
  type FileImportInput,
  type FileImportPreview,
  type ImportCounts,
  type SheetField,
} from '../api.js';
import { claimActivity } from '../activity-signal.js';
import { UndoButton } from '../components/undo-button.js';
import { href } from '../router.js';
import { toApiError } from '../use-load.js';

const FORMAT_NAMES: Record<string, string> = {
  csv: 'Spreadsheet',
  huntr: 'Huntr board export',
  teal: 'Teal job tracker export',
  linkedin: 'LinkedIn connections',
  vcard: 'vCard contacts',
  ics: 'Calendar invitations',
};

const ENTITIES = [
  ['applications', 'Applications'],
  ['contacts', 'Contacts'],
  ['interviews', 'Interviews'],
  ['interactions', 'Interactions'],
] as const;

const IGNORE = '';

/** The file's bytes as base64 (the part of a data: URL after the comma). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name}: the file could not be read`));
    reader.readAsDataURL(file);
  });
}

const changesOf = (p: FileImportPreview): number =>
  ENTITIES.reduce((n, [k]) => n + p.counts[k].created + p.counts[k].updated, 0) +
  p.counts.removedInterviews;

const refusedRowCount = (p: FileImportPreview): number => new Set(p.refused.map((r) => r.row)).size;

/** The CLI's flag in a reason ("choose one with --application ID") is the select on this page. */
function reasonText(reason: string): string {
  return reason.replace(/with --application ID/g, 'in “These invitations belong to”');
}

function where(p: { row: number; column?: string }): string {
  const row = p.row === 0 ? 'The file' : `Row ${p.row}`;
  return p.column ? `${row}, ${p.column}` : row;
}

interface Loaded {
  name: string;
  content: string;
}

export default function ImportPage() {
  const [file, setFile] = useState<Loaded | null>(null);
  const [columns, setColumns] = useState<Record<string, SheetField | null>>({});
  const [dateOrder, setDateOrder] = useState<'' | 'dmy' | 'mdy'>('');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [application, setApplication] = useState('');
  const [applications, setApplications] = useState<AppWithStatus[] | null>(null);
  const [preview, setPreview] = useState<FileImportPreview | null>(null);
  const [done, setDone] = useState<{ result: FileImportPreview; activity: number | null } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [undone, setUndone] = useState<string | null>(null);

  const inputOf = (
    f: Loaded,
    cols: Record<string, SheetField | null>,
    order: '' | 'dmy' | 'mdy',
    app = application,
  ): FileImportInput => ({
    name: f.name,
    content: f.content,
    columns: cols,
    ...(order ? { dateOrder: order } : {}),
    ...(app ? { application: app } : {}),
  });

  // Invitations may need the application chosen: the list loads when one is previewed.
  const isInvitation = preview?.format === 'ics';
  useEffect(() => {
    if (!isInvitation || applications) return;
    api.applications().then(setApplications, () => setApplications([]));
  }, [isInvitation, applications]);

  async function showPreview(
    f: Loaded,
    cols: Record<string, SheetField | null>,
    order: '' | 'dmy' | 'mdy',
    app = application,
  ): Promise<void> {
    setBusy('Reading the file…');
    setError(null);
    try {
      setPreview(await api.importPreview(inputOf(f, cols, order, app)));
    } catch (e) {
      setPreview(null);
      setError(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  }

  async function choose(chosen: File | undefined): Promise<void> {
    if (!chosen) return;
    setDone(null);
    setUndone(null);
    setColumns({});
    setDateOrder('');
    setApplication('');
    setSkipBadRows(false);
    setBusy('Reading the file…');
    try {
      const loaded = { name: chosen.name, content: await readBase64(chosen) };
      setFile(loaded);
      await showPreview(loaded, {}, '', '');
    } catch (e) {
      setBusy(null);
      setError(toApiError(e).message);
    }
  }

  function remap(header: string, value: string): void {
    if (!file) return;
    const next = { ...columns, [header]: value === IGNORE ? null : value };
    setColumns(next);
    void showPreview(file, next, dateOrder);
  }

  async function runImport(): Promise<void> {
    if (!file || !preview) return;
    setBusy('Importing…');
    setError(null);
    try {
      const result = await api.importFile({ ...inputOf(file, columns, dateOrder), skipBadRows });
      setDone({ result, activity: claimActivity() });
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  }

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    void choose(e.dataTransfer.files[0]);
  };

  const refusedRows = preview ? refusedRowCount(preview) : 0;
  const changes = preview ? changesOf(preview) : 0;
  const blocked = refusedRows > 0 && !skipBadRows;

  return (
    <div className="import-page">
      <div className="page-head">
        <div>
          <h1>Import</h1>
          <p className="muted">
            Bring in what you already have: a spreadsheet of applications (CSV or TSV, Huntr and
            Teal exports too), LinkedIn’s Connections.csv, vCard contacts or calendar invitations.
            Nothing is written until you press Import.
          </p>
        </div>
      </div>

      <div
        className={dragging ? 'panel drop-zone dragging' : 'panel drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>Drop a file here, or</p>
        <label className="button" htmlFor="import-file">
          Choose a file
        </label>
        <input
          id="import-file"
          className="sr-only"
          type="file"
          accept=".csv,.tsv,.txt,.vcf,.ics,text/csv,text/vcard,text/calendar"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {busy && (
          <p className="import-busy">
            <progress aria-label={busy} /> {busy}
          </p>
        )}
      </div>

      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}

      {done && (
        <section className="panel import-result" aria-labelledby="import-done-h">
          <h2 id="import-done-h">
            {undone ?? (changesOf(done.result) === 0 ? 'Nothing new to import' : 'Imported')}
          </h2>
          {!undone && (
            <>
              <Counts preview={done.result} />
              {done.result.refused.length > 0 && (
                <p className="muted">
                  {refusedRowCount(done.result)} refused row(s) were left out.
                </p>
              )}
            </>
          )}
          <p className="form-actions">
            <a className="button primary" href={href('today')}>
              See your plan in Today
            </a>
            {done.activity !== null && !undone && (
              <UndoButton
                activity={done.activity}
                onUndone={(text) => setUndone(text)}
                onError={(text) => setError(text)}
              />
            )}
          </p>
        </section>
      )}

      {preview && file && (
        <section className="panel import-preview" aria-labelledby="import-preview-h">
          <h2 id="import-preview-h">
            {file.name}: {FORMAT_NAMES[preview.format] ?? preview.format}
            <span className="muted"> ({preview.encoding})</span>
          </h2>

          {preview.columns && (
            <>
              <h3>Columns</h3>
              <table className="import-columns">
                <thead>
                  <tr>
                    <th scope="col">Column in your file</th>
                    <th scope="col">First values</th>
                    <th scope="col">Goes to</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((c, i) => (
                    <tr key={`${i}:${c.header}`} className={c.field ? undefined : 'ignored'}>
                      <th scope="row">{c.header || <em>(no header)</em>}</th>
                      <td className="samples">{c.samples.join(' · ')}</td>
                      <td>
                        <select
                          aria-label={`Field for the column ${c.header || i + 1}`}
                          value={c.field ?? IGNORE}
                          disabled={busy !== null}
                          onChange={(e) => remap(c.header, e.target.value)}
                        >
                          <option value={IGNORE}>Ignore this column</option>
                          {(preview.fields ?? []).map((f) => (
                            <option key={f.field} value={f.field}>
                              {f.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="field import-date-order">
                <label htmlFor="import-date-order">Dates like 03/04/2026 are</label>
                <select
                  id="import-date-order"
                  value={dateOrder}
                  onChange={(e) => {
                    const order = e.target.value as '' | 'dmy' | 'mdy';
                    setDateOrder(order);
                    void showPreview(file, columns, order);
                  }}
                >
                  <option value="">Recognised from the file</option>
                  <option value="dmy">Day first (3 April)</option>
                  <option value="mdy">Month first (March 4)</option>
                </select>
              </div>
            </>
          )}

          {isInvitation && (
            <div className="field">
              <label htmlFor="import-application">These invitations belong to</label>
              <select
                id="import-application"
                value={application}
                disabled={busy !== null}
                onChange={(e) => {
                  setApplication(e.target.value);
                  void showPreview(file, columns, dateOrder, e.target.value);
                }}
              >
                <option value="">The application of the organiser’s address</option>
                {(applications ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.organization} — {a.role}
                  </option>
                ))}
              </select>
            </div>
          )}

          <h3>What would change</h3>
          <Counts preview={preview} />
          {preview.notes.length > 0 && (
            <ul className="import-notes">
              {preview.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}

          {preview.refused.length > 0 && (
            <>
              <h3>
                Refused: {refusedRows} row{refusedRows === 1 ? '' : 's'}
              </h3>
              <ul className="import-problems">
                {preview.refused.slice(0, 200).map((p, i) => (
                  <li key={i}>
                    <strong>{where(p)}</strong>: {reasonText(p.reason)}
                  </li>
                ))}
              </ul>
              {preview.refused.length > 200 && (
                <p className="muted">… and {preview.refused.length - 200} more.</p>
              )}
            </>
          )}
          {preview.skipped.length > 0 && (
            <details>
              <summary>Skipped: {preview.skipped.length} (not something to import)</summary>
              <ul className="import-problems">
                {preview.skipped.slice(0, 200).map((p, i) => (
                  <li key={i}>
                    <strong>{where(p)}</strong>: {reasonText(p.reason)}
                  </li>
                ))}
              </ul>
            </details>
          )}

          {refusedRows > 0 && (
            <div className="radio">
              <input
                id="import-skip"
                type="checkbox"
                checked={skipBadRows}
                onChange={(e) => setSkipBadRows(e.target.checked)}
              />
              <label htmlFor="import-skip">
                Import the other rows without the {refusedRows} refused one
                {refusedRows === 1 ? '' : 's'}
              </label>
            </div>
          )}
          <p className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy !== null || blocked || changes === 0}
              onClick={() => void runImport()}
            >
              {changes === 0 ? 'Nothing to import' : 'Import'}
            </button>
            {blocked && (
              <span className="muted">
                Fix the refused rows, or tick the box to leave them out.
              </span>
            )}
          </p>
        </section>
      )}
    </div>
  );
}

function Counts({ preview }: { preview: FileImportPreview }) {
  const rows = ENTITIES.filter(([k]) => {
    const c: ImportCounts = preview.counts[k];
    return c.created + c.updated + c.unchanged > 0;
  });
  if (rows.length === 0 && preview.counts.removedInterviews === 0)
    return <p className="muted">Nothing in this file to import.</p>;
  return (
    <table className="import-counts">
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Kind</span>
          </th>
          <th scope="col">New</th>
          <th scope="col">Updated</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, label]) => (
          <tr key={k}>
            <th scope="row">{label}</th>
            <td>{preview.counts[k].created}</td>
            <td>{preview.counts[k].updated}</td>
            <td>{preview.counts[k].unchanged}</td>
          </tr>
        ))}
        {preview.counts.removedInterviews > 0 && (
          <tr>
            <th scope="row">Cancelled interviews to remove</th>
            <td>{preview.counts.removedInterviews}</td>
            <td />
            <td />
          </tr>
        )}
      </tbody>
    </table>
  );
}
