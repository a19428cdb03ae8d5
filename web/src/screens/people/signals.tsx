import { DataTable } from '../../components/data-table';
import type { Signal } from '../../api/types';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** What each signal of docs/analytics.md measures, and how to show its value. */
const SIGNALS: Record<string, { label: string; show: (value: number) => string }> = {
  reviewCoverage: { label: 'Review coverage (merges approved by someone else)', show: percent },
  medianPrSize: { label: 'Median pull request size', show: (value) => `${Math.round(value).toLocaleString()} changed lines` },
  largePrShare: { label: 'Pull requests over 1,000 lines', show: percent },
  revertShare: { label: 'Revert commits', show: percent },
  reviewsGivenPerPullRequest: { label: 'Reviews given per pull request authored', show: (value) => value.toFixed(2) },
  lateNightShare: { label: 'Late-night commits (22:00–06:00)', show: percent },
  weekendShare: { label: 'Weekend commits', show: percent },
  longestStreakDays: { label: 'Longest streak without a day off', show: (value) => `${value} days` },
  lateNightRise: { label: 'Rise of late-night share over the window', show: (value) => `${Math.round(value * 100)} points` },
  commitVolumeRatio: { label: 'Commit volume, end against start of the window', show: (value) => `${value.toFixed(2)}×` },
};

/** The inputs behind a score: each measured value and the points it added (they add up to the score). */
export function SignalsTable({ signals, caption }: { signals: readonly Signal[]; caption: string }) {
  return (
    <DataTable columns={['Signal', 'Measured', 'Points']} caption={caption}>
      {signals.map((signal) => {
        const known = SIGNALS[signal.name];
        return (
          <tr key={signal.name}>
            <th scope="row">{known?.label ?? signal.name}</th>
            <td>{signal.value === null ? 'no data: left out' : known ? known.show(signal.value) : signal.value}</td>
            <td>{signal.contribution.toFixed(2)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
