// Insights: pipeline by status, response rate and median response time by source, and the
// thank-you on-time rate — plain SVG/CSS bars, no chart library.
import { api } from '../api.js';
import { APPLICATION_STATUSES } from '../../../src/core/types.js';
import { ErrorBox } from '../components/error-box.js';
import { percent } from '../format.js';
import { activeSummary, sourceLabel, statusLabel } from '../labels.js';
import { useLoad } from '../use-load.js';

export default function InsightsPage() {
  const { data, error, reload } = useLoad(api.insights, []);
  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading insights…</p>;
  const pipelineMax = Math.max(1, ...APPLICATION_STATUSES.map((s) => data.pipeline[s] ?? 0));
  const daysMax = Math.max(1, ...data.bySource.map((s) => s.medianResponseDays ?? 0));
  return (
    <div>
      <div className="page-head">
        <h1>Insights</h1>
        <p className="muted" data-testid="active-summary">
          {activeSummary({ active: data.pipeline.active ?? 0, offer: data.pipeline.offer ?? 0 })} ·
          target {data.activeTarget}
        </p>
      </div>
      <div className="insights">
        <section className="panel" aria-labelledby="pipe-h">
          <h2 id="pipe-h">Pipeline by status</h2>
          <BarChart
            label="Applications by status"
            rows={APPLICATION_STATUSES.map((s) => ({
              key: s,
              label: statusLabel(s),
              value: data.pipeline[s] ?? 0,
              text: String(data.pipeline[s] ?? 0),
            }))}
            max={pipelineMax}
          />
        </section>
        <section className="panel" aria-labelledby="rate-h">
          <h2 id="rate-h">Response rate by source</h2>
          {data.bySource.length === 0 ? (
            <p className="muted">No applications yet.</p>
          ) : (
            <BarChart
              label="Share of applications that answered, by source"
              rows={data.bySource.map((s) => ({
                key: s.source,
                label: sourceLabel(s.source),
                value: s.responseRate ?? 0,
                text: `${percent(s.responseRate)} (${s.responded}/${s.applications})`,
              }))}
              max={1}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="time-h">
          <h2 id="time-h">Median response time by source</h2>
          {data.bySource.length === 0 ? (
            <p className="muted">No applications yet.</p>
          ) : (
            <BarChart
              label="Median days until they answered, by source"
              rows={data.bySource.map((s) => ({
                key: s.source,
                label: sourceLabel(s.source),
                value: s.medianResponseDays ?? 0,
                text:
                  s.medianResponseDays === null ? 'no answer yet' : `${s.medianResponseDays} days`,
              }))}
              max={daysMax}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="ty-h">
          <h2 id="ty-h">Thank-you notes sent within 24 hours</h2>
          <Gauge rate={data.thankYouOnTimeRate} />
        </section>
      </div>
    </div>
  );
}

interface Row {
  key: string;
  label: string;
  value: number;
  text: string;
}

/** Horizontal bars; the numbers are text too, so the chart reads without seeing it. */
function BarChart({ rows, max, label }: { rows: Row[]; max: number; label: string }) {
  return (
    <table className="bars" aria-label={label}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={`bar bar-${r.key}`}
                  style={{ width: `${(r.value / max) * 100}%` }}
                />
              </span>
            </td>
            <td className="bar-value">{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Gauge({ rate }: { rate: number | null }) {
  const r = 42;
  const circumference = 2 * Math.PI * r;
  const filled = (rate ?? 0) * circumference;
  return (
    <figure className="gauge">
      <svg viewBox="0 0 100 100" width="140" height="140" aria-hidden="true">
        <circle cx="50" cy="50" r={r} className="gauge-track" />
        <circle
          cx="50"
          cy="50"
          r={r}
          className="gauge-fill"
          strokeDasharray={`${filled} ${circumference}`}
          transform="rotate(-90 50 50)"
        />
      </svg>
      <figcaption>
        <strong>{percent(rate)}</strong>
        <span className="muted">{rate === null ? 'No thank-you due yet' : 'on time'}</span>
      </figcaption>
    </figure>
  );
}
