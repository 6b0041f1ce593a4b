// Settings for the mailbox tactful reads (IMAP, read-only): replies to the seeker's
// applications then hold the follow-ups by themselves. The password is write-only.
import { useState, type FormEvent } from 'react';
import { api, type ApiError, type InboxTestAnswer, type InboxView, type SmtpTls } from '../api.js';
import { ConfirmDialog } from '../components/dialog.js';
import { FormError } from '../components/error-box.js';
import { Select, TextField } from '../components/fields.js';
import { useNotify } from '../notice.js';
import { useDirtyForm } from '../unsaved.js';
import { toApiError, useLoad } from '../use-load.js';

const TLS_OPTIONS: { value: SmtpTls; label: string }[] = [
  { value: 'implicit', label: 'TLS from the start (usually port 993)' },
  { value: 'starttls', label: 'STARTTLS (usually port 143)' },
  { value: 'none', label: 'None (a server on this machine only)' },
];

export function MailboxCard() {
  const { data, error, reload } = useLoad(api.inbox, []);
  if (error && !data) return <FormError error={error} />;
  if (!data) return <p className="loading">Loading mailbox settings…</p>;
  // A new form after a save or a disconnection: its fields start from what is stored.
  return (
    <MailboxForm
      key={JSON.stringify(data.inbox)}
      initial={data.inbox}
      onSaved={() => void reload()}
    />
  );
}

/** "Applications, Recruiters" → ['Applications', 'Recruiters'] (INBOX is always read). */
function foldersOf(text: string): string[] {
  return text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '' && f.toUpperCase() !== 'INBOX');
}

function MailboxForm({ initial, onSaved }: { initial: InboxView | null; onSaved: () => void }) {
  const notify = useNotify();
  const [host, setHost] = useState(initial?.host ?? '');
  const [port, setPort] = useState(String(initial?.port ?? 993));
  const [tls, setTls] = useState<SmtpTls>(initial?.tls ?? 'implicit');
  const [user, setUser] = useState(initial?.user ?? '');
  const [password, setPassword] = useState('');
  const [folders, setFolders] = useState(
    (initial?.folders ?? []).filter((f) => f !== 'INBOX').join(', '),
  );
  const [lookBack, setLookBack] = useState(String(initial?.lookBackDays ?? 30));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<InboxTestAnswer | null>(null);
  const [confirming, setConfirming] = useState(false);
  const connected = initial !== null;

  const unsaved = useDirtyForm();
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.saveInbox({
        host: host.trim(),
        port: Number(port),
        tls,
        user: user.trim(),
        // Empty keeps the saved password: the server never sends it back to fill the field.
        ...(password ? { password } : {}),
        folders: foldersOf(folders),
        lookBackDays: Number(lookBack),
      });
      setError(null);
      setPassword('');
      notify({ text: 'Mailbox settings saved', tone: 'success' });
      unsaved.markSaved();
      onSaved();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const runTest = async (): Promise<void> => {
    setBusy(true);
    setTest(null);
    try {
      setTest(await api.testInbox());
    } catch (err) {
      setTest({ connected: false, detail: toApiError(err).message, folders: [], idle: false });
    } finally {
      setBusy(false);
    }
  };

  const disconnect = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.disconnectInbox();
      setConfirming(false);
      notify({ text: 'Mailbox disconnected', tone: 'success' });
      unsaved.markSaved();
      onSaved();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      aria-labelledby="inbox-h"
      onSubmit={(e) => void save(e)}
      onChange={unsaved.markDirty}
    >
      <h2 id="inbox-h">Mailbox (IMAP)</h2>
      <p className="hint">
        tactful reads your mailbox (never marks, moves or deletes anything) so that a reply from an
        employer holds your follow-ups until you have read it. Use an app password where your
        provider offers one.
      </p>
      <div className="form-grid">
        <TextField label="IMAP host" name="imapHost" value={host} onChange={setHost} required />
        <TextField
          label="Port"
          name="imapPort"
          type="number"
          min="1"
          value={port}
          onChange={setPort}
          required
        />
        <Select
          label="Encryption"
          name="imapTls"
          value={tls}
          onChange={setTls}
          options={TLS_OPTIONS}
        />
        <TextField
          label="User name"
          name="imapUser"
          value={user}
          onChange={setUser}
          autoComplete="username"
          required
        />
        <TextField
          label="Password"
          name="imapPassword"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint={
            initial?.passwordSet
              ? 'A password is saved. Leave this empty to keep it (changing the server or user forgets it).'
              : 'Stored encrypted; never shown again.'
          }
        />
        <TextField
          label="Other folders"
          name="imapFolders"
          value={folders}
          onChange={setFolders}
          placeholder="Applications, Recruiters"
          hint="INBOX is always read; separate other folders with commas"
        />
        <TextField
          label="First check looks back (days)"
          name="imapLookBack"
          type="number"
          min="1"
          value={lookBack}
          onChange={setLookBack}
          required
        />
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save mailbox settings
        </button>
        <button type="button" disabled={busy || !connected} onClick={() => void runTest()}>
          Test connection
        </button>
        {connected && (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Disconnect…
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {test && (
          <p className={test.connected ? 'test-ok' : 'error'}>
            {test.connected ? test.detail : `Test failed: ${test.detail}`}
          </p>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Disconnect the mailbox?"
        confirmLabel="Disconnect"
        busy={busy}
        onConfirm={() => void disconnect()}
        onClose={() => setConfirming(false)}
      >
        <p>
          tactful forgets the server, the password and what it read. Your mail stays where it is.
        </p>
      </ConfirmDialog>
    </form>
  );
}
