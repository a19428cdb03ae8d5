import type { FlowFigures, TeamPerformance } from '../../api/types';
import { Trend } from '../../components/trend';
import { DeliveryChart } from './charts';

const hours = (value: number) => `${value.toFixed(1)} h`;
const percent = (value: number) => `${Math.round(value * 100)}%`;
const perWeek = (value: number) => `${value.toFixed(2)} a week`;
const count = (value: number) => value.toLocaleString();

interface FlowField {
  readonly field: keyof FlowFigures;
  readonly label: string;
  readonly format: (value: number) => string;
  /** Which way is good news (a shorter cycle time is). */
  readonly better: 'higher' | 'lower';
}

/** metrics.md's "Team flow and delivery" table, in its order. */
export const FLOW_FIELDS: readonly FlowField[] = [
  { field: 'mergedPRs', label: 'Merged pull requests', format: count, better: 'higher' },
  { field: 'prThroughputPerWeek', label: 'Pull requests merged per week', format: perWeek, better: 'higher' },
  { field: 'medianPrCycleTimeHours', label: 'Cycle time (median, open to merge)', format: hours, better: 'lower' },
  { field: 'medianTimeToFirstReviewHours', label: 'Review latency (median, to first review)', format: hours, better: 'lower' },
  { field: 'reviewCoverage', label: 'Review coverage (approved before merge)', format: percent, better: 'higher' },
  { field: 'deploymentsPerWeek', label: 'Deploy frequency (production)', format: perWeek, better: 'higher' },
  { field: 'leadTimeForChangesHours', label: 'Lead time for changes (median)', format: hours, better: 'lower' },
  { field: 'changeFailureRate', label: 'Change failure rate', format: percent, better: 'lower' },
  { field: 'timeToRestoreHours', label: 'Time to restore (median)', format: hours, better: 'lower' },
];

function shown(value: number | null, format: (value: number) => string): string {
  return value === null ? 'no data' : format(value);
}

/**
 * A window before with no merged pull request and no deployment is history
 * GitHub did not have (a young organization, a short import), not a team
 * that stood still: no trend is drawn from it.
 */
function hadActivity(previous: FlowFigures): boolean {
  return previous.mergedPRs > 0 || previous.deploymentsPerWeek > 0;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** Flow and delivery of the team against the window before, and per repository; or why there are no figures yet. */
export function FlowSection({ flow, flowStatus }: Pick<TeamPerformance, 'flow' | 'flowStatus'>) {
  return (
    <section className="card" aria-labelledby="flow-heading">
      <h2 id="flow-heading">Flow and delivery</h2>
      {flowStatus && flowStatus.state !== 'current' ? (
        <p role="status" className="muted">
          {flowStatus.reason}
        </p>
      ) : null}
      {flow ? (
        <>
          <p className="muted">
            {day(flow.windowStart)} – {day(flow.windowEnd)} against {day(flow.previous.windowStart)} – {day(flow.previous.windowEnd)};
            deployments to “{flow.productionEnvironment}”.
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Team flow and delivery against the window before</caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col">This window</th>
                  <th scope="col">Window before</th>
                  <th scope="col">Trend</th>
                </tr>
              </thead>
              <tbody>
                {FLOW_FIELDS.map(({ field, label, format, better }) => (
                  <tr key={field}>
                    <th scope="row">{label}</th>
                    <td>{shown(flow[field], format)}</td>
                    <td>{shown(flow.previous[field], format)}</td>
                    <td>
                      <Trend value={flow[field]} previous={hadActivity(flow.previous) ? flow.previous[field] : null} better={better} format={format} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DeliveryChart flow={flow} />
          <h3>Per repository</h3>
          {flow.repositories.length === 0 ? (
            <p className="muted">No repository had a merged pull request or a production deployment in this window.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Flow and delivery per repository, this window</caption>
                <thead>
                  <tr>
                    <th scope="col">Repository</th>
                    {FLOW_FIELDS.map(({ field, label }) => (
                      <th scope="col" key={field}>
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {flow.repositories.map((repository) => (
                    <tr key={repository.repo}>
                      <th scope="row">{repository.repo}</th>
                      {FLOW_FIELDS.map(({ field, format }) => (
                        <td key={field}>{shown(repository[field], format)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : flowStatus ? null : (
        <p className="muted">No flow figures have been computed for this team yet.</p>
      )}
    </section>
  );
}
