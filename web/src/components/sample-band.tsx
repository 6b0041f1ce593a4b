// The band on every page while the sample data is shown: what it is, that the seeker's own data
// is untouched and that nothing is e-mailed from it, and the way back.
import { useState } from 'react';
import { useNotify } from '../notice.js';
import { href } from '../router.js';
import { leaveSample } from '../sample.js';
import { toApiError } from '../use-load.js';

export function SampleBand() {
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const leave = async (): Promise<void> => {
    setBusy(true);
    try {
      await leaveSample();
      window.location.hash = href('today');
      notify({ text: 'You left the sample: this is your own data.', tone: 'success' });
    } catch (e) {
      notify({ text: toApiError(e).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="sample-band" aria-label="Sample data">
      <p>
        <strong>Sample data.</strong>{' '}
        <span className="sample-band-detail">
          An invented job search to look around in. Your own data is kept apart and untouched; no
          e-mail is ever sent from the sample.
        </span>
      </p>
      <button type="button" disabled={busy} onClick={() => void leave()}>
        {busy ? 'Leaving…' : 'Leave the sample'}
      </button>
    </section>
  );
}
