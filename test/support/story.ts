import { signedInAdmin, unique, type SignedInAdmin } from './accounts';
import { connectGithub, copyOfDemoOrganization, firstSyncFinished, type GithubSide } from './github-connection';
import { api } from './stack';
import { acceptAndLogIn, invite, type InvitationEntry, type Teammate } from './team';

/**
 * TechStartup on Day 2: Sarah's organization on pro, connected to a GitHub
 * organization of its own holding the demo's `techstartup` history (see
 * copyOfDemoOrganization) and synced, in her time zone, with Bob, Charlie,
 * Alice (members) and Diana (viewer) joined.
 */
export interface StoryTeam {
  readonly sarah: SignedInAdmin;
  readonly bob: Teammate;
  readonly charlie: Teammate;
  readonly alice: Teammate;
  readonly diana: Teammate;
  /** The GitHub organization Sarah's organization is connected to. */
  readonly githubOrganization: string;
}

export async function storyTeam(
  settings: Record<string, unknown> = {},
  moreEngineers: readonly string[] = [],
  github: GithubSide = {},
): Promise<StoryTeam & { readonly more: Teammate[] }> {
  const sarah = await signedInAdmin({ githubUsername: 'sarah-em' });
  await api('/organization/plan', { method: 'PUT', token: sarah.accessToken, json: { plan: 'pro' } });
  const githubOrganization = await copyOfDemoOrganization(github);
  await connectGithub(sarah, githubOrganization, github);
  const configured = await api('/organization/settings', {
    method: 'PUT',
    token: sarah.accessToken,
    json: { timezone: 'America/Los_Angeles', ...settings },
  });
  if (configured.status !== 200) throw new Error(`settings answered ${configured.status}`);
  const tag = unique('story');
  const people: InvitationEntry[] = [
    { email: `bob-${tag}@techstartup.test`, name: 'Bob Senior', role: 'member', githubUsername: 'bob-senior' },
    { email: `charlie-${tag}@techstartup.test`, name: 'Charlie Junior', role: 'member', githubUsername: 'charlie-junior' },
    { email: `alice-${tag}@techstartup.test`, name: 'Alice Dev', role: 'member', githubUsername: 'alice-dev' },
    { email: `diana-${tag}@techstartup.test`, name: 'Diana CTO', role: 'viewer', githubUsername: null },
    ...moreEngineers.map((login) => ({ email: `${login}-${tag}@techstartup.test`, name: login, role: 'member' as const, githubUsername: login })),
  ];
  const invited = await invite(sarah, people);
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}`);
  const [bob, charlie, alice, diana, ...more] = await Promise.all(people.map((person) => acceptAndLogIn(person.email)));
  // Started by connecting, it ran while the team joined.
  await firstSyncFinished(sarah, github);
  return { sarah, bob: bob!, charlie: charlie!, alice: alice!, diana: diana!, more, githubOrganization };
}
