// Shown when there is no application yet: load the sample, or start with a real interview.
import { useState } from 'react';
import { href } from '../router.js';
import { enterSample } from '../sample.js';
import { toApiError } from '../use-load.js';

// Loading the sample switches the whole app to it (the page reloads its data by itself).
export function FirstRun() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadSample = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await enterSample();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="first-run">
      <h1>Welcome to tactful</h1>
      <p className="lead">
        After an interview, tactful tells you whom to thank, when to ask for an update and with
        which words — and when to move on.
      </p>
      <div className="choices">
        <div className="choice">
          <h2>See it working</h2>
          <p>
            Sample applications at different stages, with drafts ready. They stay apart from your
            own data until you leave the sample.
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void loadSample()}
          >
            {busy ? 'Loading…' : 'Load sample data'}
          </button>
        </div>
        <div className="choice">
          <h2>Start with your own</h2>
          <p>Just had an interview? A two-minute debrief gives you today’s thank-you notes.</p>
          <a className="button" href={href('debrief')}>
            Add your first interview
          </a>
          <p>
            Tracking your search elsewhere?{' '}
            <a href={href('import')}>Import a spreadsheet, LinkedIn contacts or invitations</a>.
          </p>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
