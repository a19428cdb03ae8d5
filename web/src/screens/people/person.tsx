import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useSession } from '../../api/session';
import type { CodeQualityAnalysis, Organization } from '../../api/types';
import { SentenceList } from '../../components/evidence';
import { ErrorMessage } from '../../components/form';
import { ScoreCard } from '../../components/score-card';
import { isNotConnected, isSyncing, LoadError, Loading, NotConnectedPanel, SyncingPanel } from '../../components/status-panels';
import { CommitsPerWeekChart } from '../../components/weekly-commits-chart';
import { membersQuery, organizationQuery } from '../../api/queries';
import { MetricsTable } from './metrics-table';
import { OwnData } from './own-data';
import { analysisKey, fetchAnalysis } from './person-data';
import { SignalsTable } from './signals';

const SYNC_POLL_MS = 5_000;

type Part = 'codeQuality' | 'burnoutRisk' | 'commitDetails' | 'personalInsights';
const PART_NAME: Record<Part, string> = {
  codeQuality: 'Code quality is',
  burnoutRisk: 'Burnout risk is',
  commitDetails: 'Commit details and metrics are',
  personalInsights: 'Personal insights are',
};

/** Why a part the API left out is missing, in the organization's own terms when its rules say. */
function notShared(part: Part, organization: Organization | undefined): string {
  const rule = organization?.settings.visibilityRules[part];
  const name = PART_NAME[part];
  if (rule === 'admin_only') return `${name} visible to admins only in this organization.`;
  if (rule === 'owner_only') return `${name} visible only to the engineer themself in this organization.`;
  return `${name} not shared with you under this organization's privacy settings.`;
}

/** `/people/:githubUsername`: one engineer's analysis as the API lets this reader see it. */
export function PersonScreen() {
  const { githubUsername = '' } = useParams();
  const current = useSession();
  const queryClient = useQueryClient();
  const organizationId = current?.user.organizationId ?? '';
  const key = analysisKey(organizationId, githubUsername);
  const analysis = useQuery({
    queryKey: key,
    queryFn: () => fetchAnalysis(githubUsername),
    refetchInterval: (query) => (query.state.data && isSyncing(query.state.data) ? SYNC_POLL_MS : false),
  });
  const members = useQuery(membersQuery);
  const organization = useQuery(organizationQuery);
  const refresh = useMutation({
    mutationFn: () => fetchAnalysis(githubUsername, true),
    onSuccess: (answer) => queryClient.setQueryData(key, answer),
  });
  if (!current) return null;

  const isOwner = current.user.githubUsername?.toLowerCase() === githubUsername.toLowerCase();
  const person = members.data?.items.find((member) => member.githubUsername?.toLowerCase() === githubUsername.toLowerCase());
  const heading = (
    <h1>
      {isOwner ? 'My analysis' : person ? `${person.name}'s analysis` : `Analysis of @${githubUsername}`}
      <span className="muted heading-login"> @{githubUsername}</span>
    </h1>
  );

  if (analysis.isPending) return <>{heading}<Loading what="the analysis" /></>;
  if (analysis.isError) {
    const error = analysis.error;
    return (
      <>
        {heading}
        {isNotConnected(error) ? (
          <NotConnectedPanel isAdmin={current.user.role === 'admin'} />
        ) : error instanceof ApiError && error.status === 403 ? (
          <section className="card" role="alert">
            <h2>This analysis is not shared with you</h2>
            <p>{error.message}</p>
          </section>
        ) : error instanceof ApiError && error.status === 404 ? (
          <section className="card" role="alert">
            <h2>No such engineer here</h2>
            <p>No one in {current.user.organizationName} has the GitHub login @{githubUsername}.</p>
          </section>
        ) : (
          <LoadError error={error} title="The analysis could not be loaded" />
        )}
        {isOwner ? <OwnData organizationId={organizationId} organizationName={current.user.organizationName} /> : null}
      </>
    );
  }
  const answer = analysis.data;
  if (isSyncing(answer)) return <>{heading}<SyncingPanel sync={answer.sync} what="This analysis" /></>;

  const queued = refresh.data && !isSyncing(refresh.data) ? refresh.data.refresh?.queued : undefined;
  return (
    <>
      {heading}
      <AnalysisHeader analysis={answer} />
      <div className="toolbar">
        <button type="button" disabled={refresh.isPending} aria-busy={refresh.isPending} onClick={() => refresh.mutate()}>
          {refresh.isPending ? 'Refreshing…' : 'Refresh from GitHub'}
        </button>
        {queued !== undefined ? (
          <span role="status">
            Recomputed now; {queued} {queued === 1 ? 'repository is' : 'repositories are'} being read from GitHub again. The next visit shows what they hold.
          </span>
        ) : null}
      </div>
      <ErrorMessage error={refresh.error} />
      <AnalysisBody analysis={answer} organization={organization.data} />
      {isOwner ? <OwnData organizationId={organizationId} organizationName={current.user.organizationName} /> : null}
    </>
  );
}

function AnalysisHeader({ analysis }: { analysis: CodeQualityAnalysis }) {
  const period = analysis.period;
  return (
    <p className="muted">
      {period
        ? `${new Date(period.from).toLocaleDateString()} – ${new Date(period.to).toLocaleDateString()} (${analysis.windowDays} days), local times in ${period.timezone}. `
        : `The last ${analysis.windowDays} days. `}
      {analysis.syncedAt ? `Read from GitHub ${new Date(analysis.syncedAt).toLocaleString()}. ` : ''}
      {analysis.analysisEngine === 'heuristic' ? 'Sentences by the built-in heuristics.' : `Sentences by ${analysis.analysisEngine.replace(/^llm:/, 'the model ')}; scores never come from it.`}
    </p>
  );
}

function NotSharedCard({ title, sentence }: { title: string; sentence: string }) {
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      <p className="muted">{sentence}</p>
    </section>
  );
}

function AnalysisBody({ analysis, organization }: { analysis: CodeQualityAnalysis; organization: Organization | undefined }) {
  const { codeQuality, burnout, metrics, personalInsights, weeklyCommits } = analysis;
  return (
    <>
      <div className="grid">
        {codeQuality ? (
          <ScoreCard title="Code quality" score={codeQuality.overallScore} support={codeQuality}>
            <SignalsTable signals={codeQuality.signals} caption="What the code-quality score is made of" />
          </ScoreCard>
        ) : (
          <NotSharedCard title="Code quality" sentence={notShared('codeQuality', organization)} />
        )}
        {burnout ? (
          <ScoreCard
            title="Burnout risk"
            score={burnout.riskScore}
            support={burnout}
            label={burnout.level ? `${burnout.level} risk` : undefined}
            tone={burnout.level === 'high' ? 'bad' : burnout.level === 'medium' ? 'warn' : 'good'}
          >
            <h4>Patterns</h4>
            <SentenceList items={burnout.patterns} empty="No working-hour pattern stands out." />
            <SignalsTable signals={burnout.signals} caption="What the burnout score is made of" />
          </ScoreCard>
        ) : (
          <NotSharedCard title="Burnout risk" sentence={notShared('burnoutRisk', organization)} />
        )}
      </div>
      {codeQuality ? (
        <section className="card" aria-labelledby="quality-notes-heading">
          <h2 id="quality-notes-heading">About the code quality</h2>
          <h3>What holds it back</h3>
          <SentenceList items={codeQuality.issues} empty="Nothing stands out." />
          <h3>Recommendations</h3>
          <SentenceList items={codeQuality.recommendations} empty="No recommendation." />
          <h3>Strengths teammates can see</h3>
          <SentenceList items={codeQuality.publicInsights} empty="None yet." />
        </section>
      ) : null}
      <section className="card" aria-labelledby="metrics-heading">
        <h2 id="metrics-heading">Metrics</h2>
        {metrics ? <MetricsTable metrics={metrics} /> : <p className="muted">{notShared('commitDetails', organization)}</p>}
      </section>
      <section className="card" aria-labelledby="personal-heading">
        <h2 id="personal-heading">Personal insights</h2>
        {personalInsights ? (
          <SentenceList items={personalInsights} empty="No personal insight yet." />
        ) : (
          <p className="muted">{notShared('personalInsights', organization)}</p>
        )}
      </section>
      {weeklyCommits ? (
        <section className="card" aria-labelledby="weeks-heading">
          <h2 id="weeks-heading">Commits per week</h2>
          <CommitsPerWeekChart weeks={weeklyCommits} />
        </section>
      ) : null}
    </>
  );
}
