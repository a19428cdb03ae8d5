import type { BurnoutRisk, HiringJustification, PersonFigure, TeamCharts } from '../../api/types';
import type { ReactNode } from 'react';
import type { SessionUser } from '../../api/session';
import { DataTable } from '../../components/data-table';

/** Sentences as the API wrote them for this reader; an empty list says so rather than leaving a gap. */
export function Sentences({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

const CONFIDENCE: Record<NonNullable<HiringJustification['confidence']>, string> = {
  high: 'high confidence',
  medium: 'medium confidence',
  low: 'low confidence',
  insufficient_data: 'not enough data to judge',
};

export function HiringCase({ hiring }: { hiring: HiringJustification }) {
  const { basis } = hiring;
  return (
    <section className="card" aria-labelledby="hiring-title">
      <h2 id="hiring-title">Hiring case</h2>
      <p>
        <strong>{hiring.recommendation}</strong>
        {hiring.confidence ? <span className="muted"> ({CONFIDENCE[hiring.confidence]})</span> : null}
      </p>
      <dl className="facts">
        <dt>Current capacity</dt>
        <dd>{hiring.currentCapacity}</dd>
        <dt>Burnout risk</dt>
        <dd>{hiring.burnoutRisk}</dd>
        <dt>Growth potential</dt>
        <dd>{hiring.growthPotential}</dd>
        {basis ? (
          <>
            <dt>Basis</dt>
            <dd>
              {basis.analysedEngineers} engineers analysed over {basis.windowDays} days; {basis.engineersWithEnoughCommits} with at least {basis.minCommits} commits
            </dd>
          </>
        ) : null}
        {hiring.evidence ? (
          <>
            <dt>Evidence</dt>
            <dd>{hiring.evidence}</dd>
          </>
        ) : null}
      </dl>
      {hiring.assumptions.length > 0 ? (
        <details>
          <summary>Assumptions</summary>
          <Sentences items={hiring.assumptions} empty="" />
        </details>
      ) : null}
    </section>
  );
}

/**
 * The named part of a report: absent fields are people this reader may not
 * see (the API leaves them out), null means there is no one to name.
 */
export function People({
  topPerformer,
  needsSupport,
  burnoutRisks,
  role,
}: {
  topPerformer: PersonFigure | null | undefined;
  needsSupport: PersonFigure | null | undefined;
  burnoutRisks: readonly BurnoutRisk[];
  role: SessionUser['role'];
}) {
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      {role === 'viewer' ? <p>Viewers read the team’s figures; no one is named to them in any report.</p> : null}
      <h3>Top performer</h3>
      <PersonLine person={topPerformer} hidden="Not named to you under this organization’s privacy rules." none="No one stands out yet." />
      <h3>Needs support</h3>
      <PersonLine person={needsSupport} hidden="Not named to you under this organization’s privacy rules." none="No one needs support now." />
      <h3>Burnout risks</h3>
      {burnoutRisks.length === 0 ? (
        <p className="muted">No one is named to you at burnout risk (6 or more of 10).</p>
      ) : (
        <ul>
          {burnoutRisks.map((risk) => (
            <li key={risk.githubUsername}>
              {risk.name} ({risk.githubUsername}): <strong className={risk.riskScore >= 8 ? 'bad' : 'warn'}>{risk.riskScore.toFixed(1)}/10</strong>, {risk.pattern}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonLine({ person, hidden, none }: { person: PersonFigure | null | undefined; hidden: string; none: string }) {
  if (person === undefined) return <p className="muted">{hidden}</p>;
  if (person === null) return <p className="muted">{none}</p>;
  return (
    <p>
      {person.name} ({person.githubUsername}): code quality {person.codeQualityScore.toFixed(1)}/10
      {person.commits !== undefined ? `, ${person.commits} commits` : ''}
      {'recommendation' in person && person.recommendation ? `. ${person.recommendation}` : ''}
    </p>
  );
}

/** A small table of figures: a header row of column names, then one row per item, its first cell naming it. */
export function FigureTable({ caption, columns, rows }: { caption?: string; columns: readonly string[]; rows: readonly { key: string; cells: readonly ReactNode[] }[] }) {
  return (
    <DataTable columns={columns} caption={caption}>
      {rows.map((row) => (
        <tr key={row.key}>
          {row.cells.map((cell, index) => (index === 0 ? <th scope="row" key={index}>{cell}</th> : <td key={index}>{cell}</td>))}
        </tr>
      ))}
    </DataTable>
  );
}

/** The charts' figures as tables: the report page reads them, the PDF draws them. */
export function ChartFigures({ charts }: { charts: TeamCharts }) {
  const levels = charts.burnoutLevels;
  return (
    <section className="card" aria-labelledby="charts-title">
      <h2 id="charts-title">Figures</h2>
      <div className="grid">
        <FigureTable
          caption="Code quality of the engineers"
          columns={['Score', 'Engineers']}
          rows={charts.codeQualityDistribution.map((band) => ({ key: band.band, cells: [band.band, band.engineers] }))}
        />
        <FigureTable
          caption="Burnout levels"
          columns={['Level', 'Engineers']}
          rows={[
            { key: 'low', cells: ['Low', levels.low] },
            { key: 'medium', cells: ['Medium', levels.medium] },
            { key: 'high', cells: ['High', levels.high] },
          ]}
        />
        <FigureTable
          caption="Commits per week"
          columns={['Week of', 'Commits']}
          rows={charts.commitsPerWeek.map((week) => ({
            key: week.weekStart,
            cells: [`${new Date(week.weekStart).toLocaleDateString()}${week.partial ? ' (partial week)' : ''}`, week.commits],
          }))}
        />
      </div>
    </section>
  );
}
