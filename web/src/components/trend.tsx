/**
 * A figure against the window before: an arrow for the direction and words
 * for the change, with whether the move is good news for this figure (a
 * shorter cycle time is). No arrow without a figure before to compare with.
 */
export function Trend({ value, previous, better, format }: {
  value: number | null;
  previous: number | null;
  better: 'higher' | 'lower';
  format: (value: number) => string;
}) {
  if (value === null) return <span className="muted">no data</span>;
  if (previous === null) return <span className="muted">no data before</span>;
  if (value === previous) return <span className="muted">→ no change</span>;
  const up = value > previous;
  const good = up === (better === 'higher');
  return (
    <span className={good ? 'good' : 'bad'}>
      <span aria-hidden="true">{up ? '↑' : '↓'} </span>
      {up ? 'up' : 'down'} from {format(previous)} ({good ? 'better' : 'worse'})
    </span>
  );
}
