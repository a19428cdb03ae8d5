import type { ActivityFacts } from '../metrics';
import { basisOf, burnoutConfidenceOf, burnoutEvidenceOf, outOfHoursWeightOf } from './evidence';
import { clamp, percent, round1, round2, share } from './scale';
import { commitVolumeTrend, lateNightTrend } from './trend';
import type { BurnoutAssessment, BurnoutLevel, Signal } from './types';

/** Fewer commits than this and a share is not worth a sentence ("50% late-night" of 2 commits). */
const MIN_PATTERN_COMMITS = 5;
/** Streaks up to a working week plus a weekend are normal. */
const NORMAL_STREAK_DAYS = 7;

/**
 * Points per signal. Together they keep the binding properties:
 * - late-night share reaches 7 points at 40% (high on its own, once there
 *   are 20 commits), up to 8 at 80%;
 * - weekend share up to 3 points at 40%;
 * - a streak adds 0.25 a day beyond 7 days, up to 3 (19 days);
 * - a rising late-night share adds up to 2, weighted by how much late-night
 *   work there is at all (full at 15%), and rising commit volume up to 1.
 * At 5% late-night, 5% weekend and a 10-day streak the most they can add
 * is 0.875 + 0.375 + 0.75 + 0.67 + 1 = 3.67, so such a member stays low.
 */
function lateNightPoints(lateNight: number, commits: number): number {
  if (commits === 0) return 0;
  // In counts, so exactly 40% (8 of 20) gives exactly 7 points.
  const towardHigh = Math.min(1, (lateNight * 5) / (commits * 2));
  const beyondHigh = clamp(2.5 * (lateNight / commits - 0.4), 0, 1);
  return 7 * towardHigh + beyondHigh;
}

function weekendPoints(weekendShare: number): number {
  return 3 * Math.min(1, weekendShare / 0.4);
}

function streakPoints(days: number): number {
  return Math.min(3, Math.max(0, days - NORMAL_STREAK_DAYS) * 0.25);
}

function lateNightRisePoints(rise: number, lateNightShare: number): number {
  return Math.min(2, 5 * Math.max(0, rise)) * Math.min(1, lateNightShare / 0.15);
}

function volumeRisePoints(ratio: number): number {
  return Math.min(1, Math.max(0, ratio - 1.5) / 1.5);
}

export function burnoutLevelOf(riskScore: number): BurnoutLevel {
  if (riskScore >= 7) return 'high';
  if (riskScore >= 4) return 'medium';
  return 'low';
}

interface Candidate {
  readonly signal: Signal;
  readonly points: number;
  /** Null when this signal has nothing to say. */
  readonly sentence: string | null;
  /** Strong enough to be a pattern by itself. */
  readonly notable: boolean;
}

function candidate(
  name: string,
  value: number | null,
  points: number,
  sentence: string | null,
  notable: boolean,
): Candidate {
  const signal = { name, value: value === null ? null : round2(value), contribution: round2(points) };
  return { signal, points, sentence, notable };
}

function lateNightRiseSentence(earlyShare: number, lateShare: number): string | null {
  const from = Math.round(earlyShare * 100);
  const to = Math.round(lateShare * 100);
  return to > from ? `Late-night work rising: ${from}% → ${to}% over the window` : null;
}

function volumeRiseSentence(earlyPerWeek: number, latePerWeek: number): string {
  return `Commit volume rising: ${Math.round(earlyPerWeek)} → ${Math.round(latePerWeek)} commits a week over the window`;
}

/**
 * Burnout risk from working-hour patterns. Deterministic; every point comes
 * from a listed signal. Patterns, strongest first, name the figures behind
 * the score; a medium or high score always has at least one. The shares'
 * points are weighed by how many commits they rest on (evidence.ts), and
 * too few commits give no score.
 */
export function scoreBurnout(facts: ActivityFacts): BurnoutAssessment {
  const { commits } = facts;
  const weight = outOfHoursWeightOf(facts);
  const lateNightShare = share(facts.lateNightCommits, commits);
  const weekendShare = share(facts.weekendCommits, commits);
  const streak = facts.longestStreak?.days ?? 0;
  const lateNight = lateNightTrend(facts.weekly);
  const volume = commitVolumeTrend(facts.weekly);
  const enoughForShares = commits >= MIN_PATTERN_COMMITS;
  const lateNightPercent = percent(facts.lateNightCommits, commits);
  const weekendPercent = percent(facts.weekendCommits, commits);

  const risePoints = lateNight === null ? 0 : weight * lateNightRisePoints(lateNight.rise, lateNightShare);
  const candidates: Candidate[] = [
    candidate(
      'lateNightShare',
      lateNightShare,
      weight * lateNightPoints(facts.lateNightCommits, commits),
      enoughForShares && lateNightPercent > 0 ? `${lateNightPercent}% late-night commits` : null,
      lateNightPercent >= 10,
    ),
    candidate(
      'weekendShare',
      weekendShare,
      weight * weekendPoints(weekendShare),
      enoughForShares && weekendPercent > 0 ? `${weekendPercent}% weekend commits` : null,
      weekendPercent >= 15,
    ),
    candidate(
      'longestStreakDays',
      streak,
      streakPoints(streak),
      streak > NORMAL_STREAK_DAYS ? `${streak}-day streak without a day off` : null,
      streak > 10,
    ),
    candidate(
      'lateNightRise',
      lateNight === null ? null : lateNight.rise,
      risePoints,
      lateNight !== null && risePoints > 0 ? lateNightRiseSentence(lateNight.earlyShare, lateNight.lateShare) : null,
      lateNight !== null && lateNight.rise >= 0.15,
    ),
    candidate(
      'commitVolumeRatio',
      volume === null ? null : volume.ratio,
      volume === null ? 0 : weight * volumeRisePoints(volume.ratio),
      volume !== null && volume.ratio > 1.5 ? volumeRiseSentence(volume.earlyPerWeek, volume.latePerWeek) : null,
      volume !== null && volume.ratio >= 2,
    ),
  ];

  const confidence = burnoutConfidenceOf(facts);
  if (confidence === 'insufficient_data') {
    return {
      riskScore: null,
      level: null,
      confidence,
      basis: basisOf(facts),
      evidence: burnoutEvidenceOf(facts, confidence),
      patterns: [],
      signals: candidates.map(({ signal }) => ({ ...signal, contribution: 0 })),
    };
  }
  const total = candidates.reduce((sum, { points }) => sum + points, 0);
  const riskScore = round1(clamp(total, 0, 10));
  const level = burnoutLevelOf(riskScore);
  const ranked = candidates
    .filter(({ sentence, points }) => sentence !== null && points > 0)
    .sort((a, b) => b.points - a.points);
  let shown = ranked.filter(({ notable }) => notable);
  if (shown.length === 0 && level !== 'low') shown = ranked.slice(0, 1);
  return {
    riskScore,
    level,
    confidence,
    basis: basisOf(facts),
    evidence: burnoutEvidenceOf(facts, confidence),
    patterns: shown.map(({ sentence }) => sentence as string),
    signals: candidates.map(({ signal }) => signal),
  };
}
