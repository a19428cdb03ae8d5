import { CAPACITY_MODEL, hiresFor, hiresPerWaveOf, type TeamCapacity } from './capacity-model';
import { count } from './format';

/** Capacity in use from which hiring is advised: the team has little slack left. */
export const NEAR_LIMIT = 80;

/**
 * The bands, from the top: at or above `from` percent. Label and advice come
 * from the same row, so a percent can never be "healthy" and "hire", nor
 * "over capacity" and "no hire needed".
 */
const CAPACITY_BANDS = [
  { from: 100, label: 'over capacity', hire: true },
  { from: NEAR_LIMIT, label: 'near limit', hire: true },
  { from: 60, label: 'healthy', hire: false },
  { from: 0, label: 'spare capacity', hire: false },
] as const;

const SPARE = CAPACITY_BANDS[CAPACITY_BANDS.length - 1] as (typeof CAPACITY_BANDS)[number];

function bandOf(percent: number): (typeof CAPACITY_BANDS)[number] {
  return CAPACITY_BANDS.find(({ from }) => percent >= from) ?? SPARE;
}

export function capacityLabelOf(percent: number): string {
  return bandOf(percent).label;
}

/** Whether the band of `percent` calls for hiring (when capacity is judged at all). */
export function hiringAdvisedAt(percent: number): boolean {
  return bandOf(percent).hire;
}

export const NOT_ENOUGH_DATA = 'Not enough data to judge capacity';

/** What the team's capacity calls for; every sentence of the justification is written from it. */
export type CapacityAdvice =
  | { readonly kind: 'unjudged'; readonly missing: string; readonly analysed: number }
  | { readonly kind: 'no-hire'; readonly percent: number; readonly label: string }
  | {
      readonly kind: 'hire';
      readonly percent: number;
      readonly label: string;
      readonly hires: number;
      readonly projected: number;
      readonly perWave: number;
      readonly mentors: number;
    };

/** "3 of 5 engineers have fewer than 20 commits in 90 days". */
export function missingEvidenceOf(capacity: TeamCapacity, windowDays: number): string {
  if (capacity.analysed === 0) return 'no engineer analysed yet';
  const sparse = capacity.analysed - capacity.evidenced;
  return `${sparse} of ${count(capacity.analysed, 'engineer')} ${sparse === 1 ? 'has' : 'have'} fewer than ${CAPACITY_MODEL.minCommits} commits in ${windowDays} days`;
}

export function adviceOf(capacity: TeamCapacity, windowDays: number): CapacityAdvice {
  const { percent } = capacity;
  if (capacity.confidence === 'insufficient_data') {
    return { kind: 'unjudged', missing: missingEvidenceOf(capacity, windowDays), analysed: capacity.analysed };
  }
  const label = capacityLabelOf(percent);
  if (!hiringAdvisedAt(percent)) return { kind: 'no-hire', percent, label };
  const hires = hiresFor(capacity, NEAR_LIMIT);
  return {
    kind: 'hire',
    percent,
    label,
    hires,
    projected: Math.round((100 * capacity.workload) / (capacity.effective + hires)),
    perWave: hiresPerWaveOf(capacity.mentors),
    mentors: capacity.mentors,
  };
}

export function currentCapacityOf(advice: CapacityAdvice): string {
  return advice.kind === 'unjudged' ? `${NOT_ENOUGH_DATA}: ${advice.missing}` : `${advice.percent}% (${advice.label})`;
}

export function recommendationOf(advice: CapacityAdvice, engineersAtHighRisk: number): string {
  const relieve =
    engineersAtHighRisk > 0 ? `; move work away from the ${count(engineersAtHighRisk, 'engineer')} at high burnout risk` : '';
  switch (advice.kind) {
    case 'unjudged': {
      const until =
        advice.analysed === 0
          ? 'engineers are analysed'
          : `at least ${Math.round(CAPACITY_MODEL.minEvidencedShare * 100)}% of them have ${CAPACITY_MODEL.minCommits} or more`;
      return `${NOT_ENOUGH_DATA}: ${advice.missing}; no hiring advice until ${until}${relieve}`;
    }
    case 'no-hire':
      return advice.label === 'healthy'
        ? `No hire needed now: ${advice.percent}% capacity, hiring is advised from ${NEAR_LIMIT}%${relieve}`
        : `No hire needed: ${advice.percent}% capacity leaves room for more work${relieve}`;
    case 'hire':
      return `Hire ${count(advice.hires, 'engineer')} within ${CAPACITY_MODEL.hiringHorizonDays} days, bringing capacity from ${advice.percent}% to ${advice.projected}%${howToHire(advice)}${relieve}`;
  }
}

function howToHire(advice: Extract<CapacityAdvice, { kind: 'hire' }>): string {
  if (advice.mentors === 0) {
    return advice.hires === 1
      ? '; make it a senior engineer: no experienced engineer is free to mentor a junior one'
      : '; hire a senior engineer first: no experienced engineer is free to mentor the others yet';
  }
  return advice.hires > advice.perWave ? `; onboard them in waves of ${advice.perWave} so each has a mentor` : '';
}

export function growthPotentialOf(capacity: TeamCapacity): string {
  if (capacity.scoredEvidenced === 0) {
    return `Unknown: no engineer has ${CAPACITY_MODEL.minCommits} or more commits and a code-quality score to show who could mentor new engineers`;
  }
  if (capacity.mentors === 0) {
    return 'Cannot absorb junior engineers yet: no experienced engineer is free to mentor them; a senior hire needs no mentor';
  }
  const perWave = hiresPerWaveOf(capacity.mentors);
  return `Can absorb ${count(perWave, 'new engineer')} at a time: ${count(capacity.mentors, 'experienced engineer')} free to mentor, one new engineer per ${CAPACITY_MODEL.mentorsPerNewEngineer}`;
}

/** What the confidence rests on, in one sentence. */
export function evidenceOf(capacity: TeamCapacity, windowDays: number): string {
  const model = CAPACITY_MODEL;
  if (capacity.confidence === 'insufficient_data') return `${NOT_ENOUGH_DATA}: ${missingEvidenceOf(capacity, windowDays)}`;
  return `${capacity.evidenced} of ${count(capacity.analysed, 'engineer')} ${capacity.evidenced === 1 ? 'has' : 'have'} ${model.minCommits} or more commits in ${windowDays} days; pace measured for ${capacity.paceMeasured} (a usual week of ${model.minUsualWeeklyCommits} or more commits over ${model.minBaselineWeeks} or more earlier full weeks)`;
}
