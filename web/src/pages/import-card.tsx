// Where the Import page is reached from Settings (the main navigation stays one line at 390 px).
import { href } from '../router.js';

export function ImportCard() {
  return (
    <section className="panel" aria-labelledby="import-card-h">
      <h2 id="import-card-h">Import</h2>
      <p>
        <a href={href('import')}>Import a file</a>: a spreadsheet of applications (Huntr and Teal
        exports too), LinkedIn’s Connections.csv, vCard contacts or calendar invitations.
      </p>
    </section>
  );
}
