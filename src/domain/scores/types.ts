/** One input that moved a score: its value and the points it added to the score. */
export interface Signal {
  readonly name: string;
  /** The measured value (a share in 0..1, a count, lines); null when there was no data for it. */
  readonly value: number | null;
  /** Points of the 0..10 score that come from this signal, 2 decimals. */
  readonly contribution: number;
}

export type BurnoutLevel = 'low' | 'medium' | 'high';

export interface BurnoutAssessment {
  /** 0..10, 1 decimal. */
  readonly riskScore: number;
  readonly level: BurnoutLevel;
  /** Sentences with their figure, strongest first, e.g. "45% late-night commits". */
  readonly patterns: readonly string[];
  readonly signals: readonly Signal[];
}

export interface CodeQualityAssessment {
  /** 0..10, 1 decimal. */
  readonly overallScore: number;
  readonly signals: readonly Signal[];
  /** What holds the score down, one sentence each with its figure. */
  readonly issues: readonly string[];
  readonly recommendations: readonly string[];
  /** Positive or neutral lines fit for teammates; never about working hours. */
  readonly publicInsights: readonly string[];
}
