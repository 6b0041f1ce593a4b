// Trash: deleted records, by the action that deleted them. Restore brings them back exactly
// as they were, with everything deleted together with them.
import { useState } from 'react';
import { api, type TrashView } from '../api.js';
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

  return (
    <div className="trash-page">
      <div className="page-head">
        <div>
          <h1>Trash</h1>
          <p className="muted">
            Deleted records stay here until you restore them.{' '}
            <a href={href('activity')}>Activity</a>
          </p>
        </div>
      </div>
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
