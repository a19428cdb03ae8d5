import type { CommitWeek } from '../api/types';
import { BarChartWithTable } from './bar-chart-with-table';

const weekLabel = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** Commits per week of a window; a bar that covers part of a week says so. */
export function CommitsPerWeekChart({ weeks }: { weeks: readonly CommitWeek[] }) {
  if (weeks.length === 0) return <p className="muted">No commits in this window.</p>;
  const rows = weeks.map((week) => ({
    label: `${weekLabel(week.weekStart)}${week.partial ? '*' : ''}`,
    rowLabel: `${weekLabel(week.weekStart)}${week.partial ? ` (${week.days ?? 0} days)` : ''}`,
    value: week.commits,
  }));
  return (
    <>
      <BarChartWithTable rows={rows} labelHeading="Week from" valueHeading="Commits" tableSummary="Commits per week as a table" color="#2457c5" />
      {weeks.some((week) => week.partial) ? <p className="muted">* part of a week: fewer than 7 days of activity.</p> : null}
    </>
  );
}
