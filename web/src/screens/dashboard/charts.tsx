import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TeamFlow, TeamPerformance } from '../../api/types';
import { BarChartWithTable } from '../../components/bar-chart-with-table';

/**
 * Per-week delivery, this window against the one before. The flow table
 * above holds the same figures, so the chart is hidden from screen readers.
 */
export function DeliveryChart({ flow }: { flow: TeamFlow }) {
  const data = [
    { figure: 'Pull requests merged a week', now: flow.prThroughputPerWeek, before: flow.previous.prThroughputPerWeek },
    { figure: 'Production deploys a week', now: flow.deploymentsPerWeek, before: flow.previous.deploymentsPerWeek },
  ];
  // Four empty bars say nothing the table's zeros do not.
  if (data.every(({ now, before }) => now === 0 && before === 0)) return null;
  return (
    <figure className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="figure" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals tick={{ fontSize: 12 }} width={36} />
          <Tooltip />
          <Legend />
          <Bar dataKey="before" name="Window before" fill="#9aa8bd" />
          <Bar dataKey="now" name="This window" fill="#2457c5" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** How many engineers score in each code-quality band. */
export function QualityDistributionChart({ bands }: { bands: TeamPerformance['charts']['codeQualityDistribution'] }) {
  return (
    <BarChartWithTable
      rows={bands.map((band) => ({ label: band.band, value: band.engineers }))}
      labelHeading="Code quality"
      valueHeading="Engineers"
      tableSummary="Engineers per code-quality band as a table"
      color="#1d7a46"
      height={200}
    />
  );
}
