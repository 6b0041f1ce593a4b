// Trash: deleted records, by the action that deleted them. Restore brings them back exactly
// as they were, with everything deleted together with them; "Empty the Trash" deletes them all
// for good, after a confirmation (no undo: its notice offers none).
import { useState } from 'react';
import { purgeQuestion } from '../../../src/app/purge-trash.js';
import { api, type TrashView } from '../api.js';
import { ConfirmDialog } from '../components/dialog.js';
import { ErrorBox } from '../components/error-box.js';
import { formatDateTime } from '../format.js';
import { useNotify } from '../notice.js';
import { href } from '../router.js';
import { toApiError, useLoad } from '../use-load.js';

async function loadTrash() {
  const [{ entries }, settings] = await Promise.all([api.trash(), api.settings()]);
  return { entries, timeZone: settings.timezone };
}

export default function TrashPage() {
  const { data, error, reload } = useLoad(loadTrash, []);
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading the Trash…</p>;

  async function restoreEntry(entry: TrashView) {
    const first = entry.items[0]!;
    setBusy(true);
    try {
      await api.restore(first.entity, first.id);
      notify({
        text: `Restored: ${entry.activity.summary.replace(/^Deleted /, '')}`,
        tone: 'success',
      });
      await reload();
    } catch (e) {
      notify({ text: toApiError(e).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  async function emptyTrash() {
    setBusy(true);
    try {
      const result = await api.emptyTrash();
      setConfirming(false);
      notify({ text: result.summary, tone: 'success', activity: null });
      await reload();
    } catch (e) {
      setConfirming(false);
      notify({ text: toApiError(e).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const counts = { contacts: 0, applications: 0, interviews: 0, interactions: 0 };
  for (const entry of data.entries) for (const item of entry.items) counts[`${item.entity}s`] += 1;

  return (
    <div className="trash-page">
      <div className="page-head">
        <div>
          <h1>Trash</h1>
          <p className="muted">
            Deleted records stay here until you restore them or empty the Trash.{' '}
            <a href={href('activity')}>Activity</a>
          </p>
        </div>
        {data.entries.length > 0 && (
          <div className="head-actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Empty the Trash
            </button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Empty the Trash?"
        confirmLabel="Delete for good"
        danger
        busy={busy}
        onConfirm={() => void emptyTrash()}
        onClose={() => setConfirming(false)}
      >
        <p>{purgeQuestion(counts)}</p>
        <p className="muted">Restore first anything you want to keep.</p>
      </ConfirmDialog>
      {data.entries.length === 0 ? (
        <div className="empty">
          <h2>The Trash is empty</h2>
          <p>Contacts, applications, interviews and interactions you delete appear here.</p>
        </div>
      ) : (
        <ul className="trash-list">
          {data.entries.map((entry) => (
            <li key={entry.activity.id} className="panel" data-activity-id={entry.activity.id}>
              <div className="trash-head">
                <strong>{entry.activity.summary}</strong>
                <span className="muted">
                  {formatDateTime(entry.activity.at, { zone: data.timeZone, now: Date.now() })}
                </span>
                <button type="button" disabled={busy} onClick={() => void restoreEntry(entry)}>
                  Restore
                  <span className="sr-only">
                    {' '}
                    {entry.activity.summary.replace(/^Deleted /, '')}
                  </span>
                </button>
              </div>
              <ul className="trash-items">
                {entry.items.map((item) => (
                  <li key={`${item.entity}:${item.id}`}>
                    <span className="muted">
                      {item.entity.charAt(0).toUpperCase() + item.entity.slice(1)}
                    </span>{' '}
                    {item.label}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
