import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Organization, PersonFigure, TeamPerformance } from '../../api/types';
import { ConfidenceBadge, SentenceList } from '../../components/evidence';

const personPath = (login: string) => `/people/${encodeURIComponent(login)}`;

/** Team health as the API rates it; "INSUFFICIENT DATA" is no score at all, with what is missing. */
export function HealthCard({ team }: { team: TeamPerformance }) {
  const rated = team.teamHealth !== 'INSUFFICIENT DATA';
  const tone = team.teamHealth.startsWith('EXCELLENT') || team.teamHealth === 'GOOD' ? 'good' : team.teamHealth === 'AT RISK' ? 'bad' : 'warn';
  return (
    <section className="card" aria-labelledby="health-heading">
      <h2 id="health-heading">Team health</h2>
      {rated ? (
        <p className={`stat ${tone}`}>
          {team.overallScore.toFixed(1)}
          <span className="out-of">/10</span> <span className="stat-label">{team.teamHealth}</span>
        </p>
      ) : (
        <>
          <p className="stat muted">Not enough data yet</p>
          {team.hiringJustification.evidence ? <p>{team.hiringJustification.evidence}</p> : null}
        </>
      )}
      <dl className="facts">
        <dt>Engineers</dt>
        <dd>
          {team.totalMembers} ({team.analysedMembers} analysed{team.pending?.length ? `, ${team.pending.length} still being collected` : ''})
        </dd>
        <dt>Average code quality</dt>
        <dd>{team.averageCodeQuality > 0 ? `${team.averageCodeQuality.toFixed(1)}/10` : 'Not enough data yet'}</dd>
        <dt>Total commits</dt>
        <dd>{team.totalCommits.toLocaleString()} in {team.windowDays} days</dd>
      </dl>
    </section>
  );
}

function PersonLines({ person }: { person: PersonFigure }) {
  return (
    <>
      <p className="person-name">
        <Link to={personPath(person.githubUsername)}>{person.name}</Link> <span className="muted">@{person.githubUsername}</span>
      </p>
      <ul className="plain">
        <li>Code quality: {person.codeQualityScore.toFixed(1)}/10</li>
        {person.commits === undefined ? null : <li>Commits: {person.commits.toLocaleString()}</li>}
      </ul>
    </>
  );
}

/** A named figure: absent when the API does not name this person to the reader, null when there is no one to name. */
function PersonCard({ id, title, person, children }: { id: string; title: string; person: PersonFigure | null | undefined; children?: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {person === undefined ? (
        <p className="muted">Not shared with you under this organization's privacy settings.</p>
      ) : person === null ? (
        <p className="muted">No engineer has a code-quality score yet.</p>
      ) : (
        <>
          <PersonLines person={person} />
          {children}
        </>
      )}
    </section>
  );
}

/** Top performer, needs support, burnout risks: each named only as far as the API named them to this reader. */
export function PeopleCards({ team, organization }: { team: TeamPerformance; organization: Organization | undefined }) {
  const burnoutRule = organization?.settings.visibilityRules.burnoutRisk;
  return (
    <div className="grid">
      <PersonCard id="top-heading" title="Top performer" person={team.topPerformer} />
      <PersonCard id="support-heading" title="Needs support" person={team.needsSupport}>
        {team.needsSupport?.recommendation ? <p>Recommendation: {team.needsSupport.recommendation}</p> : null}
      </PersonCard>
      <section className="card" aria-labelledby="burnout-heading">
        <h2 id="burnout-heading">Burnout risks</h2>
        {team.burnoutRisks.length > 0 ? (
          <ul className="plain risks">
            {team.burnoutRisks.map((risk) => (
              <li key={risk.githubUsername}>
                <Link to={personPath(risk.githubUsername)}>{risk.name}</Link>: risk {risk.riskScore.toFixed(1)}/10{' '}
                <span className={risk.riskScore >= 7 ? 'badge bad' : 'badge warn'}>{risk.riskScore >= 7 ? 'high' : 'medium'}</span>
                <br />
                <span className="muted">{risk.pattern}</span>
              </li>
            ))}
          </ul>
        ) : burnoutRule === 'owner_only' ? (
          <p className="muted">Burnout risk is visible only to each engineer themself in this organization.</p>
        ) : (
          <p>No engineer has a burnout risk of 6 or more.</p>
        )}
        <p className="muted">
          Levels: {team.charts.burnoutLevels.high} high, {team.charts.burnoutLevels.medium} medium, {team.charts.burnoutLevels.low} low
          (engineers with enough commits to tell).
        </p>
      </section>
    </div>
  );
}

/** The capacity model's answer: a percent and "hire N", or why it cannot judge. */
export function HiringCard({ hiring }: { hiring: TeamPerformance['hiringJustification'] }) {
  const judged = hiring.confidence !== 'insufficient_data';
  return (
    <section className="card" aria-labelledby="hiring-heading">
      <h2 id="hiring-heading">Hiring justification</h2>
      {judged ? (
        <p className="stat">
          {hiring.figures.capacityPercent}%<span className="stat-label"> of capacity</span>
        </p>
      ) : (
        <p className="stat muted">INSUFFICIENT DATA</p>
      )}
      {hiring.confidence ? (
        <p>
          <ConfidenceBadge confidence={hiring.confidence} />
        </p>
      ) : null}
      {hiring.evidence ? <p>{hiring.evidence}</p> : null}
      <dl className="facts">
        <dt>Current capacity</dt>
        <dd>{hiring.currentCapacity}</dd>
        <dt>Burnout risk</dt>
        <dd>{hiring.burnoutRisk}</dd>
        <dt>Growth</dt>
        <dd>{hiring.growthPotential}</dd>
        <dt>Recommendation</dt>
        <dd>
          <strong>{hiring.recommendation}</strong>
        </dd>
      </dl>
      {hiring.assumptions.length > 0 ? (
        <details>
          <summary>Assumptions behind these figures</summary>
          <SentenceList items={hiring.assumptions} empty="" />
        </details>
      ) : null}
    </section>
  );
}

export function InsightsCard({ team }: { team: TeamPerformance }) {
  return (
    <section className="card" aria-labelledby="insights-heading">
      <h2 id="insights-heading">Insights and recommendations</h2>
      <h3>Insights</h3>
      <SentenceList items={team.insights} empty="No insights yet." />
      <h3>Team recommendations</h3>
      <SentenceList items={team.recommendations} empty="No recommendations yet." />
      <p className="muted">Written by the {team.analysisEngine === 'heuristic' ? 'built-in heuristics' : `model ${team.analysisEngine.replace(/^llm:/, '')}`} from the figures; it never changes a score.</p>
    </section>
  );
}
