import type { SessionUser } from '../../api/session';
import type { TeamPerformance } from '../../api/types';
import { Figure } from './executive-report';
import { ChartFigures, HiringCase, People, Sentences } from './report-parts';

/** A day's team report: the team analysis of that day, as the API filters it for this reader now. */
export function TeamReportView({ report, role }: { report: TeamPerformance; role: SessionUser['role'] }) {
  return (
    <>
      <header>
        <h1>Team report of {new Date(report.generatedAt).toLocaleDateString()}</h1>
        <p className="muted">
          {report.organizationName} · the last {report.windowDays} days · generated {new Date(report.generatedAt).toLocaleString()}
        </p>
      </header>
      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title">Team overview</h2>
        <div className="grid">
          <Figure label="Team health" value={report.teamHealth} detail={`overall ${report.overallScore.toFixed(1)}/10`} />
          <Figure label="Engineers analysed" value={`${report.analysedMembers} of ${report.totalMembers}`} />
          <Figure label="Average code quality" value={`${report.averageCodeQuality.toFixed(1)}/10`} />
          <Figure label="Commits" value={String(report.totalCommits)} />
        </div>
      </section>
      <section className="card" aria-labelledby="insights-title">
        <h2 id="insights-title">Findings</h2>
        <Sentences items={report.insights} empty="No finding yet." />
      </section>
      <section className="card" aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">Recommendations</h2>
        <Sentences items={report.recommendations} empty="No recommendation yet." />
      </section>
      <HiringCase hiring={report.hiringJustification} />
      <People topPerformer={report.topPerformer} needsSupport={report.needsSupport} burnoutRisks={report.burnoutRisks} role={role} />
      <ChartFigures charts={report.charts} />
      {/* Team reports have no PDF: the API keeps PDFs for executive reports. */}
    </>
  );
}
