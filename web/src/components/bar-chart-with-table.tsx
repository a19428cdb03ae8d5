import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BarRow {
  /** The bar's label on the axis. */
  readonly label: string;
  /** The same label in the table, where there is room for more ("Sep 3 (4 days)"). */
  readonly rowLabel?: ReactNode;
  readonly value: number;
}

/**
 * One series of bars, and the same numbers as a table for whoever cannot
 * see the chart (the chart itself is hidden from screen readers).
 */
export function BarChartWithTable(props: {
  rows: readonly BarRow[];
  labelHeading: string;
  valueHeading: string;
  tableSummary: string;
  color: string;
  height?: number;
  integers?: boolean;
}) {
  const { rows, labelHeading, valueHeading, tableSummary, color, height = 220, integers = true } = props;
  return (
    <>
      <figure className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows.map(({ label, value }) => ({ label, value }))} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis allowDecimals={!integers} tick={{ fontSize: 12 }} width={36} />
            <Tooltip />
            <Bar dataKey="value" name={valueHeading} fill={color} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <details>
        <summary>{tableSummary}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                <th scope="col">{valueHeading}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <td>{row.rowLabel ?? row.label}</td>
                  <td>{row.value.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
