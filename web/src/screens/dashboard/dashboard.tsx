import { DataTable } from '../../components/data-table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session';
import type { Members } from '../../api/types';
import { isNotConnected, isSyncing, LoadError, Loading, NotConnectedPanel, SyncingPanel } from '../../components/status-panels';
import { CommitsPerWeekChart } from '../../components/weekly-commits-chart';
import { QualityDistributionChart } from './charts';
import { FlowSection } from './flow-section';
import { TeamActions } from './team-actions';
import { membersQuery, organizationQuery } from '../../api/queries';
import { teamPerformanceQuery } from './team-data';
import { HealthCard, HiringCard, InsightsCard, PeopleCards } from './team-sections';

/** While the first sync runs the API answers 202 with retry-after (5 s locally): ask again at about that pace. */
const SYNC_POLL_MS = 5_000;

/** `/dashboard`: Sarah's team performance (admins only, as the API's route). */
export function DashboardScreen() {
  const current = useSession();
  if (!current) return null;
  if (current.user.role !== 'admin') {
    return (
      <section>
        <h1>Team dashboard</h1>
        <p>The team dashboard is for admins of the organization.</p>
      </section>
    );
  }
  return <AdminDashboard organizationId={current.user.organizationId} organizationName={current.user.organizationName} />;
}

function AdminDashboard({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const team = useQuery({
    ...teamPerformanceQuery(organizationId),
    refetchInterval: (query) => (query.state.data && isSyncing(query.state.data) ? SYNC_POLL_MS : false),
  });
  const members = useQuery(membersQuery);
  const organization = useQuery(organizationQuery);
  const engineers = engineersOf(members.data);

  const heading = <h1>{organizationName}: team performance</h1>;
  if (team.isPending) return <>{heading}<Loading what="the team analysis" /></>;
  if (team.isError) {
    return (
      <>
        {heading}
        {isNotConnected(team.error) ? <NotConnectedPanel isAdmin /> : <LoadError error={team.error} title="The team analysis could not be loaded" />}
      </>
    );
  }
  const answer = team.data;
  if (isSyncing(answer)) return <>{heading}<SyncingPanel sync={answer.sync} what="The team dashboard" /></>;

  return (
    <>
      {heading}
      <p className="muted">
        The last {answer.windowDays} days, computed {new Date(answer.generatedAt).toLocaleString()}.
      </p>
      <TeamActions organizationId={organizationId} firstEngineer={engineers[0]?.githubUsername ?? undefined} />
      <div className="grid">
        <HealthCard team={answer} />
        <HiringCard hiring={answer.hiringJustification} />
      </div>
      <PeopleCards team={answer} organization={organization.data} />
      <InsightsCard team={answer} />
      <FlowSection flow={answer.flow} flowStatus={answer.flowStatus} />
      <div className="grid">
        <section className="card" aria-labelledby="weekly-heading">
          <h2 id="weekly-heading">Commits per week</h2>
          <CommitsPerWeekChart weeks={answer.charts.commitsPerWeek} />
        </section>
        <section className="card" aria-labelledby="quality-heading">
          <h2 id="quality-heading">Code quality across the team</h2>
          <QualityDistributionChart bands={answer.charts.codeQualityDistribution} />
        </section>
      </div>
      {answer.pending?.length ? (
        <section className="card" role="status">
          <h2>Still being collected</h2>
          <p>
            Their activity is not in these figures yet: {answer.pending.map((person) => person.name).join(', ')}.
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading" tabIndex={-1}>
          Engineers
        </h2>
        {members.isPending ? <Loading what="the members" /> : null}
        {members.isError ? <LoadError error={members.error} title="The members could not be loaded" /> : null}
        {members.data && engineers.length === 0 ? (
          <p className="muted">
            No member has a GitHub login yet. <Link to="/team">Invite your engineers</Link> with their GitHub logins.
          </p>
        ) : null}
        {engineers.length > 0 ? (
          <DataTable columns={['Name', 'GitHub', 'Analysis']}>
            {engineers.map((member) => (
              <tr key={member.userId}>
                <td>{member.name}</td>
                <td>@{member.githubUsername}</td>
                <td>
                  <Link to={`/people/${encodeURIComponent(member.githubUsername ?? '')}`}>
                    View details<span className="visually-hidden"> of {member.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </>
  );
}

/** The team's engineers as the API counts them: role member with a GitHub login. */
function engineersOf(members: Members | undefined) {
  return (members?.items ?? [])
    .filter((member) => member.role === 'member' && member.githubUsername)
    .sort((a, b) => a.name.localeCompare(b.name));
}
