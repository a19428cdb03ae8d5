import type { SessionUser } from '../../api/session';
import type { ExecutiveReport } from '../../api/types';
import { ChartFigures, FigureTable, HiringCase, People, Sentences } from './report-parts';

/** The executive report exactly as the API answered it for this reader: a part it left out is said, not guessed. */
export function ExecutiveReportView({ report, role }: { report: ExecutiveReport; role: SessionUser['role'] }) {
  const { teamOverview: team, keyFindings, recommendations, delivery, individuals } = report;
  return (
    <>
      <header>
        <h1>{report.title}</h1>
        <p className="muted">
          {report.period.label} · generated {new Date(report.generatedAt).toLocaleString()}
          {report.confidential ? (
            <>
              {' '}
              · <span className="badge">Confidential</span>
            </>
          ) : null}
        </p>
      </header>
      {report.summary ? (
        <section className="card" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <p>{report.summary}</p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title">Team overview</h2>
        <div className="grid">
          <Figure label="Team health" value={team.teamHealth} />
          <Figure label="Engineers analysed" value={String(team.teamSize)} detail={team.pendingEngineers > 0 ? `${team.pendingEngineers} more not yet rated` : undefined} />
          <Figure label="Average code quality" value={`${team.averageCodeQuality.toFixed(1)}/10`} />
          <Figure label="Commits" value={String(team.totalCommits)} />
        </div>
      </section>
      {delivery ? (
        <section className="card" aria-labelledby="delivery-title">
          <h2 id="delivery-title">Delivery</h2>
          <p>{delivery.note}</p>
          {delivery.figures.length > 0 ? (
            <FigureTable
              columns={['Measure', 'Now', 'Before', 'Change']}
              rows={delivery.figures.map((figure) => ({
                key: figure.field,
                cells: [
                  figure.label,
                  figure.shown,
                  figure.shownBefore,
                  <span className={figure.assessment === 'better' ? 'good' : figure.assessment === 'worse' ? 'bad' : undefined}>{figure.shownChange}</span>,
                ],
              }))}
            />
          ) : null}
          {delivery.repositories.length > 0 ? <Sentences items={delivery.repositories.map((repository) => repository.text)} empty="" /> : null}
        </section>
      ) : null}
      <section className="card" aria-labelledby="findings-title">
        <h2 id="findings-title">Findings</h2>
        <h3>Code quality</h3>
        <Sentences items={keyFindings.codeQuality} empty="No finding on code quality." />
        <h3>Productivity</h3>
        <Sentences items={keyFindings.productivity} empty="No finding on productivity." />
        <h3>Burnout</h3>
        <Sentences items={keyFindings.burnout} empty="No finding on burnout." />
      </section>
      <section className="card" aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">Recommendations</h2>
        <h3>This week</h3>
        <Sentences items={recommendations.immediate} empty="Nothing urgent." />
        <h3>Next 90 days</h3>
        <Sentences items={recommendations.shortTerm} empty="Nothing for the next 90 days." />
        <h3>Longer term</h3>
        <Sentences items={recommendations.longTerm} empty="Nothing for the longer term." />
      </section>
      <HiringCase hiring={report.hiringJustification} />
      {individuals ? (
        <People topPerformer={individuals.topPerformer} needsSupport={individuals.needsSupport} burnoutRisks={individuals.burnoutRisks} role={role} />
      ) : report.includeIndividuals ? (
        <section className="card" aria-labelledby="people-title">
          <h2 id="people-title">People</h2>
          <p>This report names individuals, but not to you: {role === 'viewer' ? 'viewers read the team’s figures only.' : 'this organization’s privacy rules keep them from you.'}</p>
        </section>
      ) : null}
      {report.charts ? <ChartFigures charts={report.charts} /> : null}
      <section className="card" aria-labelledby="conclusion-title">
        <h2 id="conclusion-title">Conclusion</h2>
        <p>{report.conclusion}</p>
        <p className="muted">Written by the {report.analysisEngine === 'heuristic' ? 'heuristic engine' : `model ${report.analysisEngine.replace(/^llm:/, '')}`}.</p>
      </section>
    </>
  );
}

export function Figure({ label, value, detail }: { label: string; value: string; detail?: string | undefined }) {
  return (
    <div>
      <div className="muted">{label}</div>
      <div className="stat">{value}</div>
      {detail ? <div className="muted">{detail}</div> : null}
    </div>
  );
}
