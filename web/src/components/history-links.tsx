// Where Activity and the Trash are reached from (the main navigation stays one line at 390 px).
import { href } from '../router.js';

export function HistoryLinks() {
  return (
    <section className="panel history-links" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      <p>
        <a href={href('activity')}>Activity</a>: everything you did, with Undo.{' '}
        <a href={href('trash')}>Trash</a>: what you deleted, with Restore.
      </p>
    </section>
  );
}
