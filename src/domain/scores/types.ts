/** One input that moved a score: its value and the points it added to the score. */
export interface Signal {
  readonly name: string;
  /** The measured value (a share in 0..1, a count, lines); null when there was no data for it. */
  readonly value: number | null;
  /** Points of the 0..10 score that come from this signal, 2 decimals; 0 for a part left out. */
  readonly contribution: number;
}

export type BurnoutLevel = 'low' | 'medium' | 'high';

/** How much a score can be trusted, from the sample it rests on (thresholds in evidence.ts). */
export type Confidence = 'high' | 'medium' | 'low' | 'insufficient_data';

/** The sample in the window a score rests on (metrics.md, "Enough evidence or no score"). */
export interface EvidenceBasis {
  readonly commits: number;
  readonly pullRequests: number;
  readonly reviews: number;
  readonly activeDays: number;
}

/** What every score carries besides its value. */
export interface Evidence {
  readonly confidence: Confidence;
  readonly basis: EvidenceBasis;
  /** One sentence: what the score rests on, or what is missing for one. */
  readonly evidence: string;
}

export interface BurnoutAssessment extends Evidence {
  /** 0..10, 1 decimal; null with confidence `insufficient_data`. */
  readonly riskScore: number | null;
  readonly level: BurnoutLevel | null;
  /** Sentences with their figure, strongest first, e.g. "45% late-night commits". */
  readonly patterns: readonly string[];
  readonly signals: readonly Signal[];
}

export interface CodeQualityAssessment extends Evidence {
  /** 0..10, 1 decimal; null with confidence `insufficient_data`. */
  readonly overallScore: number | null;
  readonly signals: readonly Signal[];
  /** What holds the score down, or what it could not assess, one sentence each with its figure. */
  readonly issues: readonly string[];
  readonly recommendations: readonly string[];
  /** Positive or neutral lines fit for teammates; never about working hours. */
  readonly publicInsights: readonly string[];
}
