import type { ReactNode } from 'react';
import type { Confidence, EvidenceBasis } from '../api/types';

const CONFIDENCE_LABEL: Record<Confidence, string> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
  insufficient_data: 'Not enough data',
};

/** How far a figure can be trusted, as the API judged it from its sample. */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const tone = confidence === 'high' ? 'good' : confidence === 'insufficient_data' ? 'muted' : confidence === 'low' ? 'warn' : '';
  return <span className={`badge ${tone}`}>{CONFIDENCE_LABEL[confidence]}</span>;
}

function counted(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** The sample a score rests on, one count each: "Sample: 14 pull requests · 120 commits · 31 active days · 9 reviews given". */
export function basisSentence(basis: EvidenceBasis): string {
  return `Sample: ${[
    counted(basis.pullRequests, 'pull request', 'pull requests'),
    counted(basis.commits, 'commit', 'commits'),
    counted(basis.activeDays, 'active day', 'active days'),
    counted(basis.reviews, 'review given', 'reviews given'),
  ].join(' · ')}`;
}

/** A list of the API's sentences, or what it means that there are none. */
export function SentenceList({ items, empty }: { items: readonly string[]; empty: ReactNode }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="sentences">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
