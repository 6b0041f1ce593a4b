// "Send…" on an e-mail step: an explicit confirmation showing recipients and subject, then
// one POST with an Idempotency-Key made when the seeker confirms. A double click or a retry
// of the same confirmation reuses the key, so the server answers with the same outbox row
// instead of queueing a second message.
import { useId, useRef, useState } from 'react';
import { api, type ApiError, type OutboxItem } from '../api.js';
import { href } from '../router.js';
import { toApiError } from '../use-load.js';
import { Dialog } from './dialog.js';

interface Props {
  stepId: string;
  to: string[];
  /** Why sending is not possible (no SMTP, a recipient without an address), or null. */
  blocked: { text: string; settings: boolean } | null;
  subject: string;
  body: string;
  /** The checker's errors in the draft: said again before it goes out. */
  problems: number;
  onSent: (message: OutboxItem) => void;
}

/** 128 random bits as hex; crypto.randomUUID() needs a secure context, this does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function SendAction({ stepId, to, blocked, subject, body, problems, onSent }: Props) {
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [paced, setPaced] = useState(false);
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);

  const start = (): void => {
    key.current = null;
    setError(null);
    setPaced(false);
    setOpen(true);
  };

  const confirm = async (force: boolean): Promise<void> => {
    // A second click while the first request is in flight does nothing.
    if (inFlight.current) return;
    inFlight.current = true;
    // One key per confirmed send, kept for retries in this dialog (a lost answer may hide a
    // queued message: the same key makes the server answer with that row, not a new one).
    key.current ??= newIdempotencyKey();
    setBusy(true);
    try {
      const result = await api.send(stepId, key.current, {
        subject,
        body,
        ...(force ? { force: true } : {}),
      });
      setOpen(false);
      onSent(result.message);
    } catch (e) {
      const err = toApiError(e);
      // The pacing guard: a refusal naming `force` can be overridden by the seeker.
      setPaced(err.status === 409 && err.field === 'force');
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        disabled={blocked !== null}
        aria-describedby={blocked ? hintId : undefined}
        onClick={start}
      >
        Send…
      </button>
      {blocked && (
        <small id={hintId} className="hint send-hint">
          {blocked.text}
          {blocked.settings && (
            <>
              {' '}
              <a href={href('settings')}>Settings</a>
            </>
          )}
        </small>
      )}
      <Dialog
        open={open}
        title="Send this e-mail now?"
        onClose={() => !busy && setOpen(false)}
        actions={
          <>
            {/* One button that turns into "Send anyway": the focus stays on it. */}
            <button
              type="button"
              className="primary"
              aria-disabled={busy}
              onClick={() => void confirm(paced)}
            >
              {busy ? 'Sending…' : paced ? 'Send anyway' : 'Send now'}
            </button>
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </>
        }
      >
        <dl className="send-summary">
          <dt>To</dt>
          <dd>{to.join(', ')}</dd>
          <dt>Subject</dt>
          <dd>{subject}</dd>
        </dl>
        {problems > 0 && (
          <p className="warning">
            The checker found {problems === 1 ? 'a problem' : `${problems} problems`} in this draft.
          </p>
        )}
        <p className="muted">
          tactful sends it through your SMTP server and logs it on the application.
        </p>
        {error && (
          <p className="error" role="alert">
            {paced ? `Not sent: ${error.message}.` : error.message}
          </p>
        )}
      </Dialog>
    </>
  );
}
