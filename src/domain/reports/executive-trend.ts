/**
 * One flow figure of metrics.md against the window before, in the words a
 * CTO reads: "PR cycle time 22.5 h, down 25% from 30.1 h". Whether a move
 * is better or worse depends on the figure (a shorter cycle time is better,
 * fewer deployments worse), so each figure says which way is good.
 */
import type { FlowFigures } from '../flow/types';
import { integer, percentOf } from './format';
import type { DeliveryFigure } from './types';

type Kind = 'count' | 'perWeek' | 'hours' | 'share';

interface FieldSpec {
  readonly field: keyof FlowFigures;
  readonly label: string;
  readonly kind: Kind;
  readonly better: 'higher' | 'lower';
}

/** Every field of metrics.md's "Team flow and delivery" table, in its order. */
export const FLOW_FIELDS: readonly FieldSpec[] = [
  { field: 'mergedPRs', label: 'Merged pull requests', kind: 'count', better: 'higher' },
  { field: 'prThroughputPerWeek', label: 'Pull request throughput', kind: 'perWeek', better: 'higher' },
  { field: 'medianPrCycleTimeHours', label: 'PR cycle time', kind: 'hours', better: 'lower' },
  { field: 'medianTimeToFirstReviewHours', label: 'Time to first review', kind: 'hours', better: 'lower' },
  { field: 'reviewCoverage', label: 'Review coverage', kind: 'share', better: 'higher' },
  { field: 'deploymentsPerWeek', label: 'Deployment frequency', kind: 'perWeek', better: 'higher' },
  { field: 'leadTimeForChangesHours', label: 'Lead time for changes', kind: 'hours', better: 'lower' },
  { field: 'changeFailureRate', label: 'Change failure rate', kind: 'share', better: 'lower' },
  { field: 'timeToRestoreHours', label: 'Time to restore', kind: 'hours', better: 'lower' },
];

/** From this many hours on, durations read in days ("5.8 days" rather than "139.5 h"). */
const DAYS_FROM_HOURS = 72;

const oneDecimal = (value: number) => value.toFixed(1);
const inHours = (hours: number) => `${oneDecimal(hours)} h`;
const inDays = (hours: number) => `${oneDecimal(hours / 24)} days`;

/** A duration alone, as the table shows it: "22.5 h", "5.8 days". */
export const durationOf = (hours: number): string => (hours >= DAYS_FROM_HOURS ? inDays(hours) : inHours(hours));

/** How a row shows its numbers: both windows in one unit, so they compare at a glance. */
function formatterOf(kind: Kind, values: readonly (number | null)[]): (value: number) => string {
  switch (kind) {
    case 'count':
      return integer;
    case 'perWeek':
      return (value) => `${oneDecimal(value)} a week`;
    case 'share':
      return (value) => `${percentOf(value)}%`;
    case 'hours': {
      return values.some((value) => value !== null && value >= DAYS_FROM_HOURS) ? inDays : inHours;
    }
  }
}

/** "25% " for a relative move, "15 points " for a share's, "" when it says nothing (from 0, or under 1%). */
function amountOf(kind: Kind, value: number, previous: number): string {
  if (kind === 'share') {
    const points = Math.abs(percentOf(value) - percentOf(previous));
    return `${points} ${points === 1 ? 'point' : 'points'} `;
  }
  if (previous === 0) return '';
  const percent = Math.round((100 * Math.abs(value - previous)) / previous);
  return percent >= 1 ? `${percent}% ` : '';
}

/**
 * `value` of the window against `previous`, of the window before. With
 * `comparable` false the window before held nothing to measure at all (no
 * merged pull request, no concluded deployment): its zeros are no data, not
 * a baseline, so every figure says "no data before".
 */
export function deliveryFigureOf(spec: FieldSpec, value: number | null, previous: number | null, comparable: boolean): DeliveryFigure {
  const before = comparable ? previous : null;
  const format = formatterOf(spec.kind, [value, before]);
  const base = { field: spec.field, label: spec.label, value, previous: before };
  if (value === null) {
    const was = before === null ? '' : ` (${format(before)} before)`;
    return {
      ...base,
      change: 'no_data',
      assessment: null,
      shown: 'no data',
      shownBefore: before === null ? 'no data' : format(before),
      shownChange: 'no data',
      text: `${spec.label}: nothing to measure in this window${was}`,
    };
  }
  const shown = format(value);
  if (before === null) {
    return { ...base, change: 'no_data_before', assessment: null, shown, shownBefore: 'no data', shownChange: 'no data before', text: `${spec.label} ${shown}, no data before` };
  }
  const shownBefore = format(before);
  if (shown === shownBefore) {
    return { ...base, change: 'no_change', assessment: null, shown, shownBefore, shownChange: 'no change', text: `${spec.label} ${shown}, no change` };
  }
  const change = value > before ? 'up' : 'down';
  const better = (change === 'up') === (spec.better === 'higher');
  const amount = amountOf(spec.kind, value, before);
  return {
    ...base,
    change,
    assessment: better ? 'better' : 'worse',
    shown,
    shownBefore,
    shownChange: `${change} ${amount}`.trimEnd(),
    text: `${spec.label} ${shown}, ${change} ${amount}from ${shownBefore}`,
  };
}

/** Whether the window before measured anything: a merged pull request or a concluded production deployment. */
export function measuredAnything(figures: FlowFigures): boolean {
  return figures.mergedPRs > 0 || figures.deploymentsPerWeek > 0 || figures.changeFailureRate !== null;
}

export function deliveryFiguresOf(current: FlowFigures, previous: FlowFigures): DeliveryFigure[] {
  const comparable = measuredAnything(previous);
  return FLOW_FIELDS.map((spec) => deliveryFigureOf(spec, current[spec.field], previous[spec.field], comparable));
}

/** Improving when more figures moved the good way than the bad, worsening when the reverse. */
export function deliveryTrendOf(figures: readonly DeliveryFigure[]): 'improving' | 'worsening' | 'mixed' | 'steady' | 'no_comparison' {
  const compared = figures.filter((figure) => figure.change !== 'no_data' && figure.change !== 'no_data_before');
  if (compared.length === 0) return 'no_comparison';
  const better = compared.filter((figure) => figure.assessment === 'better').length;
  const worse = compared.filter((figure) => figure.assessment === 'worse').length;
  if (better === 0 && worse === 0) return 'steady';
  return better > worse ? 'improving' : worse > better ? 'worsening' : 'mixed';
}
