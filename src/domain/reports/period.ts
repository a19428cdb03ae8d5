const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** A window this long inside one quarter covers nearly all of it, so it is named by the quarter. */
const QUARTER_MIN_DAYS = 85;

export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/**
 * The analysis window ending at `end`, labelled in UTC calendar terms:
 * "Nov 2026" inside one month; "Q4 2026" when at least 85 days inside one
 * quarter; otherwise its months, "Sep–Nov 2026" or "Nov 2026–Jan 2027".
 * A 90-day window rarely fits a quarter, and calling Sep–Nov "Q4" would
 * overstate what was measured.
 */
export function reportPeriodOf(end: Date, windowDays: number): ReportPeriod {
  const start = new Date(end.getTime() - windowDays * DAY_MS);
  const [fromYear, fromMonth] = [start.getUTCFullYear(), start.getUTCMonth()];
  const [toYear, toMonth] = [end.getUTCFullYear(), end.getUTCMonth()];
  const month = (index: number) => MONTHS[index] ?? '';
  let label: string;
  if (fromYear === toYear && fromMonth === toMonth) {
    label = `${month(toMonth)} ${toYear}`;
  } else if (fromYear === toYear && Math.floor(fromMonth / 3) === Math.floor(toMonth / 3) && windowDays >= QUARTER_MIN_DAYS) {
    label = `Q${Math.floor(toMonth / 3) + 1} ${toYear}`;
  } else if (fromYear === toYear) {
    label = `${month(fromMonth)}–${month(toMonth)} ${toYear}`;
  } else {
    label = `${month(fromMonth)} ${fromYear}–${month(toMonth)} ${toYear}`;
  }
  return { from: start.toISOString(), to: end.toISOString(), label };
}
