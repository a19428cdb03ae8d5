import type { Metrics } from '../../api/types';

const percent = (value: number) => `${Math.round(value * 100)}%`;
const plain = (value: number) => value.toLocaleString();

/** metrics.md's fields, in its order, with its meaning. */
const METRICS: readonly { field: keyof Metrics; label: string; show: (value: number) => string }[] = [
  { field: 'totalCommits', label: 'Commits (merges not counted)', show: plain },
  { field: 'totalRepos', label: 'Repositories with a commit', show: plain },
  { field: 'totalPRs', label: 'Pull requests opened', show: plain },
  { field: 'mergedPRs', label: 'Of those, merged', show: plain },
  { field: 'totalIssues', label: 'Issues opened', show: plain },
  { field: 'lateNightCommitRatio', label: 'Late-night commits (22:00–06:00 local)', show: percent },
  { field: 'weekendCommitRatio', label: 'Weekend commits', show: percent },
  { field: 'activeDays', label: 'Active days', show: plain },
  { field: 'longestStreakDays', label: 'Longest streak of consecutive days', show: (value) => `${value} days` },
  { field: 'medianPrCycleTimeHours', label: 'Median pull request cycle time', show: (value) => `${value.toFixed(1)} h` },
  { field: 'medianPrSize', label: 'Median pull request size', show: (value) => `${Math.round(value).toLocaleString()} lines` },
  { field: 'reviewCoverage', label: 'Review coverage of merged pull requests', show: percent },
  { field: 'reviewsGiven', label: 'Reviews given to others', show: plain },
  { field: 'revertCommitRatio', label: 'Revert commits', show: percent },
];

export function MetricsTable({ metrics }: { metrics: Metrics }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Activity metrics in the window</caption>
        <tbody>
          {METRICS.map(({ field, label, show }) => {
            const value = metrics[field];
            return (
              <tr key={field}>
                <th scope="row">{label}</th>
                <td>{value === null ? 'none to measure' : show(value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
