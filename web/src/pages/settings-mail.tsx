// Settings for the calendar feed and for sending e-mail through the seeker's SMTP server.
import { useState, type FormEvent } from 'react';
import { api, type ApiError, type SmtpTls, type SmtpView } from '../api.js';
import { ConfirmDialog } from '../components/dialog.js';
import { FormError } from '../components/error-box.js';
import { Check, Select, TextField } from '../components/fields.js';
import { useNotify } from '../notice.js';
import { useDirtyForm } from '../unsaved.js';
import { toApiError, useLoad } from '../use-load.js';

/**
 * The private feed URL. Its token is stored hashed, so the URL can be shown only when it is
 * made: a seeker who lost it regenerates it (and the old one stops working).
 */
export function CalendarFeedCard() {
  const notify = useNotify();
  const { data, error, reload } = useLoad(api.calendar, []);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<ApiError | null>(null);

  const generate = async (): Promise<void> => {
    setBusy(true);
    try {
      const { path } = await api.newCalendarToken();
      setUrl(new URL(path, window.location.origin).href);
      setFailed(null);
      setConfirming(false);
      notify({ text: 'New calendar URL ready', tone: 'success' });
      await reload();
    } catch (e) {
      setFailed(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async (): Promise<void> => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      notify({ text: 'Calendar URL copied', tone: 'success' });
    } catch {
      notify({ text: 'Copy failed: select the URL and copy it', tone: 'error' });
    }
  };

  return (
    <section className="panel" aria-labelledby="feed-h">
      <h2 id="feed-h">Calendar feed</h2>
      <p className="hint">
        Subscribe to a private URL: Google Calendar “Other calendars → From URL”, Apple Calendar
        “File → New Calendar Subscription”, Outlook “Add calendar → Subscribe from web”.
      </p>
      {error && !data && <FormError error={error} />}
      {url ? (
        <div className="feed-url">
          <div className="field">
            <label htmlFor="feed-url">Your private calendar URL</label>
            <input
              id="feed-url"
              readOnly
              value={url}
              onFocus={(e) => e.target.select()}
              aria-describedby="feed-url-hint"
            />
            <small id="feed-url-hint" className="hint">
              Anyone with this URL sees your steps’ titles and dates: keep it private.
            </small>
          </div>
          <button type="button" onClick={() => void copy()}>
            Copy URL
          </button>
        </div>
      ) : (
        data?.subscribed && (
          <p>
            A private URL exists. It is stored only as a fingerprint, so to see it again, make a new
            one.
          </p>
        )
      )}
      <FormError error={failed} />
      <div className="form-actions">
        {data?.subscribed || url ? (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Regenerate URL…
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={busy || !data}
            onClick={() => void generate()}
          >
            Create calendar URL
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Regenerate the calendar URL?"
        confirmLabel="Regenerate"
        busy={busy}
        onConfirm={() => void generate()}
        onClose={() => setConfirming(false)}
      >
        <p>
          The current URL stops working at once: calendars subscribed to it stop updating until you
          subscribe them to the new one.
        </p>
      </ConfirmDialog>
    </section>
  );
}

const TLS_OPTIONS: { value: SmtpTls; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'implicit', label: 'TLS from the start (usually port 465)' },
  { value: 'none', label: 'None (a relay on this machine only)' },
];

export function SmtpCard() {
  const { data, error, reload } = useLoad(api.smtp, []);
  if (error && !data) return <FormError error={error} />;
  if (!data) return <p className="loading">Loading e-mail settings…</p>;
  return <SmtpForm initial={data.smtp} onSaved={reload} />;
}

function SmtpForm({ initial, onSaved }: { initial: SmtpView | null; onSaved: () => void }) {
  const notify = useNotify();
  const [host, setHost] = useState(initial?.host ?? '');
  const [port, setPort] = useState(String(initial?.port ?? 587));
  const [tls, setTls] = useState<SmtpTls>(initial?.tls ?? 'starttls');
  const [username, setUsername] = useState(initial?.username ?? '');
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [fromAddress, setFromAddress] = useState(initial?.fromAddress ?? '');
  const [fromName, setFromName] = useState(initial?.fromName ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<{ sent: boolean; detail: string } | null>(null);
  const saved = initial !== null;

  const unsaved = useDirtyForm();
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.saveSmtp({
        host: host.trim(),
        port: Number(port),
        tls,
        username: username.trim() || null,
        // Empty keeps the saved password: the server never sends it back to fill the field.
        ...(removePassword ? { password: null } : password ? { password } : {}),
        fromAddress: fromAddress.trim(),
        fromName: fromName.trim() || null,
      });
      setError(null);
      setPassword('');
      setRemovePassword(false);
      notify({ text: 'E-mail settings saved', tone: 'success' });
      unsaved.markSaved();
      onSaved();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const sendTest = async (): Promise<void> => {
    setBusy(true);
    setTest(null);
    try {
      setTest(await api.testSmtp());
    } catch (err) {
      setTest({ sent: false, detail: toApiError(err).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      aria-labelledby="smtp-h"
      onSubmit={(e) => void save(e)}
      onChange={unsaved.markDirty}
    >
      <h2 id="smtp-h">E-mail (SMTP)</h2>
      <p className="hint">
        Your own mail server sends the morning digest at 08:00 and the messages you send from Today.
      </p>
      <div className="form-grid">
        <TextField label="SMTP host" name="smtpHost" value={host} onChange={setHost} required />
        <TextField
          label="Port"
          name="smtpPort"
          type="number"
          min="1"
          value={port}
          onChange={setPort}
          required
        />
        <Select
          label="Encryption"
          name="smtpTls"
          value={tls}
          onChange={setTls}
          options={TLS_OPTIONS}
        />
        <TextField
          label="User name"
          name="smtpUser"
          value={username}
          onChange={setUsername}
          autoComplete="username"
        />
        <TextField
          label="Password"
          name="smtpPassword"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint={
            initial?.passwordSet
              ? 'A password is saved. Leave this empty to keep it.'
              : 'Stored encrypted; never shown again.'
          }
        />
        <TextField
          label="From address"
          name="smtpFrom"
          type="email"
          value={fromAddress}
          onChange={setFromAddress}
          required
          hint="Test messages and the digest go to this address too"
        />
        <TextField label="From name" name="smtpFromName" value={fromName} onChange={setFromName} />
      </div>
      {initial?.passwordSet && (
        <Check
          label="Remove the saved password"
          checked={removePassword}
          onChange={setRemovePassword}
        />
      )}
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save e-mail settings
        </button>
        <button type="button" disabled={busy || !saved} onClick={() => void sendTest()}>
          Send a test message
        </button>
      </div>
      <div role="status" aria-live="polite">
        {test && (
          <p className={test.sent ? 'test-ok' : 'error'}>
            {test.sent ? `Test message sent (${test.detail})` : `Test failed: ${test.detail}`}
          </p>
        )}
      </div>
    </form>
  );
}
