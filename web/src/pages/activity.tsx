// Activity: everything the seeker did, newest first, each with "Undo". Undoing an older action
// that a later one built on is refused with a message naming the later one (undo it first).
import { useState } from 'react';
import { api, type Activity } from '../api.js';
import { ErrorBox } from '../components/error-box.js';
import { formatDateTime } from '../format.js';
import { useNotify } from '../notice.js';
import { href } from '../router.js';
import { toApiError, useLoad } from '../use-load.js';

async function loadActivity() {
  const [{ activities }, settings] = await Promise.all([api.activity(), api.settings()]);
  return { activities, timeZone: settings.timezone };
}

export default function ActivityPage() {
  const { data, error, reload } = useLoad(loadActivity, []);
  const notify = useNotify();
  const [busy, setBusy] = useState<number | null>(null);
  const [more, setMore] = useState<Activity[]>([]);
  const [end, setEnd] = useState(false);

  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading your activity…</p>;
  const shown = [
    ...data.activities,
    ...more.filter((m) => m.id < (data.activities.at(-1)?.id ?? 0)),
  ];

  async function undoOne(a: Activity) {
    setBusy(a.id);
    try {
      const { undone } = await api.undo(a.id);
      notify({ text: `Undone: ${undone.summary}`, tone: 'info', activity: null });
      setMore([]);
      await reload();
    } catch (e) {
      notify({ text: toApiError(e).message, tone: 'error' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="activity-page">
      <div className="page-head">
        <div>
          <h1>Activity</h1>
          <p className="muted">
            What you did, newest first. Undo puts back exactly what an action changed.{' '}
            <a href={href('trash')}>Trash</a>
          </p>
        </div>
      </div>
      {shown.length === 0 ? (
        <div className="empty">
          <h2>Nothing yet</h2>
          <p>Every change you make (done, skip, snooze, edits, imports, deletes) is listed here.</p>
        </div>
      ) : (
        <ol className="activity-list">
          {shown.map((a) => (
            <li
              key={a.id}
              className={a.undoneAt ? 'activity-undone' : undefined}
              data-activity-id={a.id}
            >
              <span className="activity-summary">{a.summary}</span>
              <span className="muted activity-when">
                {formatDateTime(a.at, { zone: data.timeZone, now: Date.now() })}
              </span>
              {a.undoneAt ? (
                <span className="muted">Undone</span>
              ) : a.kind === 'purge' ? (
                <span className="muted">Cannot be undone</span>
              ) : (
                <button type="button" disabled={busy !== null} onClick={() => void undoOne(a)}>
                  Undo<span className="sr-only"> {a.summary}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {shown.length >= 50 && !end && (
        <button
          type="button"
          onClick={async () => {
            const last = shown.at(-1)!.id;
            const page = (await api.activity(last)).activities;
            if (page.length === 0) setEnd(true);
            setMore((m) => [...m, ...page]);
          }}
        >
          Show older
        </button>
      )}
    </div>
  );
}
