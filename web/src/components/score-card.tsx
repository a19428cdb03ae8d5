import type { ReactNode } from 'react';
import type { Confidence, EvidenceBasis } from '../api/types';
import { basisSentence, ConfidenceBadge } from './evidence';

/**
 * One score as the API gives it: the figure out of 10 with its confidence,
 * the sample it rests on and the API's sentence about it; a null score reads
 * "Not enough data yet" with the API's reason instead of a number.
 */
export function ScoreCard(props: {
  title: string;
  score: number | null;
  /** What the API says the score rests on. */
  support: { readonly confidence: Confidence; readonly evidence: string; readonly basis?: EvidenceBasis | undefined };
  /** A word beside the score ("high risk", "GOOD with concerns"). */
  label?: ReactNode;
  tone?: 'good' | 'warn' | 'bad' | undefined;
  children?: ReactNode;
}) {
  const { title, score, support, label, tone, children } = props;
  const { confidence, evidence, basis } = support;
  return (
    <section className="card score-card" aria-label={title}>
      <h3>{title}</h3>
      {score === null ? (
        <p className="stat muted">Not enough data yet</p>
      ) : (
        <p className={`stat ${tone ?? ''}`}>
          {score.toFixed(1)}
          <span className="out-of">/10</span> {label ? <span className="stat-label">{label}</span> : null}
        </p>
      )}
      <p>
        <ConfidenceBadge confidence={confidence} />
      </p>
      {evidence ? <p>{evidence}</p> : null}
      {basis ? <p className="muted">{basisSentence(basis)}</p> : null}
      {children}
    </section>
  );
}
