// The outbox: every message tactful sent or will send (digests and follow-ups), newest first,
// with its state. An `uncertain` message is never resent on its own: the seeker decides.
import { useState } from 'react';
import { api, type OutboxItem, type OutboxState, type Resolution } from '../api.js';
import { ConfirmDialog } from '../components/dialog.js';
import { ErrorBox } from '../components/error-box.js';
import { formatDateTime } from '../format.js';
import { humanize } from '../labels.js';
import { useNotify } from '../notice.js';
import { toApiError, useLoad } from '../use-load.js';

const STATE_NOTES: Record<OutboxState, string> = {
  pending: 'Waiting to be sent',
  sending: 'Being sent now',
  sent: 'Accepted by your mail server',
  uncertain: 'We could not confirm delivery; check your Sent folder before sending again.',
  failed: 'Not sent',
};

async function loadOutbox() {
  const [outbox, settings] = await Promise.all([api.outbox(), api.settings()]);
  return { messages: outbox.messages, timeZone: settings.timezone };
}

export default function OutboxPage() {
  const { data, error, loading, reload } = useLoad(loadOutbox, []);
  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading the outbox…</p>;
  return (
    <div className="outbox">
      <div className="page-head">
        <h1>Outbox</h1>
        <button type="button" disabled={loading} onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      {data.messages.length === 0 ? (
        <div className="empty">
          <h2>No messages yet</h2>
          <p>Messages you send from Today and the morning digest appear here.</p>
        </div>
      ) : (
        <ul className="outbox-list">
          {data.messages.map((m) => (
            <OutboxRow key={m.id} message={m} timeZone={data.timeZone} onChange={reload} />
          ))}
        </ul>
      )}
    </div>
  );
}

function OutboxRow({
  message: m,
  timeZone,
  onChange,
}: {
  message: OutboxItem;
  timeZone: string;
  onChange: () => Promise<void>;
}) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [confirmAgain, setConfirmAgain] = useState(false);

  const resolve = async (resolution: Resolution): Promise<void> => {
    setBusy(true);
    try {
      const after = await api.resolveOutbox(m.id, resolution);
      setConfirmAgain(false);
      notify({ text: `“${m.subject}”: ${humanize(after.state)}`, tone: 'success' });
      await onChange();
    } catch (e) {
      notify({ text: toApiError(e).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const headingId = `outbox-${m.id}`;
  return (
    <li className={`panel outbox-item outbox-${m.state}`}>
      <div className="outbox-head">
        <span className={`state state-${m.state}`}>{humanize(m.state)}</span>
        <h2 id={headingId} className="outbox-subject">
          {m.subject}
        </h2>
      </div>
      <dl className="outbox-facts">
        <dt>To</dt>
        <dd>{m.to.join(', ')}</dd>
        <dt>Kind</dt>
        <dd>{m.kind === 'digest' ? 'Morning digest' : 'Follow-up'}</dd>
        <dt>{m.sentAt ? 'Sent' : 'Queued'}</dt>
        <dd>{formatDateTime(m.sentAt ?? m.createdAt, { zone: timeZone, now: Date.now() })}</dd>
        {m.attempts > 1 && (
          <>
            <dt>Attempts</dt>
            <dd>{m.attempts}</dd>
          </>
        )}
        {m.lastError && m.state !== 'sent' && (
          <>
            <dt>Last error</dt>
            <dd className="outbox-error">{m.lastError}</dd>
          </>
        )}
      </dl>
      {m.state !== 'sent' && <p className="outbox-note">{STATE_NOTES[m.state]}</p>}
      {m.state === 'uncertain' && (
        <div className="form-actions">
          <button type="button" disabled={busy} onClick={() => void resolve('mark_sent')}>
            It was sent
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirmAgain(true)}>
            Send again…
          </button>
          <button type="button" disabled={busy} onClick={() => void resolve('drop')}>
            Drop it
          </button>
        </div>
      )}
      <ConfirmDialog
        open={confirmAgain}
        title="Send this message again?"
        confirmLabel="Send again"
        busy={busy}
        onConfirm={() => void resolve('send_again')}
        onClose={() => setConfirmAgain(false)}
      >
        <p>
          If your Sent folder already has “{m.subject}”, {m.to.join(', ')} would get it twice. It
          goes out with the same Message-ID, so most mail programs show it once.
        </p>
      </ConfirmDialog>
    </li>
  );
}
