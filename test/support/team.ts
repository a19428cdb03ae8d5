import { api, inbox } from './stack';
import type { SignedInAdmin, Via } from './accounts';
import { signedInAdmin, unique } from './accounts';

export interface InvitationEntry {
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
  githubUsername?: string | null;
}

/** The story's eleven invitees: Bob, Charlie, Diana (CTO, viewer) and eight more engineers. */
export function storyTeam(): InvitationEntry[] {
  const tag = unique('t');
  const engineers = ['alice-dev', 'dan-dev', 'erin-dev', 'felix-dev', 'grace-dev', 'heidi-dev', 'ivan-dev', 'judy-dev'];
  return [
    { email: `bob-${tag}@techstartup.test`, name: 'Bob Senior', role: 'member', githubUsername: 'bob-senior' },
    { email: `charlie-${tag}@techstartup.test`, name: 'Charlie Junior', role: 'member', githubUsername: 'charlie-junior' },
    { email: `diana-${tag}@techstartup.test`, name: 'Diana CTO', role: 'viewer', githubUsername: null },
    ...engineers.map((login) => ({
      email: `${login}-${tag}@techstartup.test`,
      name: login.replace('-dev', '').replace(/^./, (c) => c.toUpperCase()) + ' Dev',
      role: 'member' as const,
      githubUsername: login,
    })),
  ];
}

export function invite(admin: { accessToken: string }, invitations: InvitationEntry[], via: Via = {}) {
  return api('/team/invite', { ...via, method: 'POST', token: admin.accessToken, json: { invitations } });
}

const TOKEN_IN_LINK = /\/invite\/accept\?token=([A-Za-z0-9_-]+)/;

/** The token in the newest invitation email to `email` (the only place it ever appears). */
export async function invitationLinkFor(email: string): Promise<{ url: string; token: string }> {
  const message = await inbox().waitForEmail(email, { subjectStartsWith: '' });
  const text = message.body.text ?? '';
  const match = TOKEN_IN_LINK.exec(text);
  if (!match?.[1]) throw new Error(`No invitation link in the email to ${email}`);
  const url = /\S+\/invite\/accept\?token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
  return { url, token: match[1] };
}

export function completeInvitation(token: string, password = 'BobSecure456', name?: string, via: Via = {}) {
  return api('/invite/complete', { ...via, method: 'POST', json: { token, password, ...(name ? { name } : {}) } });
}

export interface Teammate {
  readonly email: string;
  readonly password: string;
  readonly userId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Follows the emailed link, sets a password and logs in, as Bob does at 9:30. */
export async function acceptAndLogIn(email: string, password = 'BobSecure456', via: Via = {}): Promise<Teammate> {
  const { token } = await invitationLinkFor(email);
  const joined = await completeInvitation(token, password, undefined, via);
  if (joined.status !== 201) throw new Error(`complete answered ${joined.status}: ${JSON.stringify(joined.body)}`);
  const login = await api('/auth/login', { ...via, method: 'POST', json: { email, password } });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  return { email, password, userId: joined.body.user.id, accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
}

/** An admin's organization with one invited teammate who has joined. */
export async function adminWithTeammate(
  admin: SignedInAdmin,
  role: InvitationEntry['role'] = 'member',
  via: Via = {},
): Promise<Teammate> {
  const email = `${unique(role)}@techstartup.test`;
  const response = await invite(admin, [{ email, name: `A ${role}`, role }], via);
  if (response.status !== 201) throw new Error(`invite answered ${response.status}: ${JSON.stringify(response.body)}`);
  return acceptAndLogIn(email, undefined, via);
}

/** Bob, a member of Sarah's organization (joined first, his token is for it) and of Eve's (joined second). */
export async function teammateOfTwo(): Promise<{ sarah: SignedInAdmin; eve: SignedInAdmin; bob: Teammate }> {
  const [sarah, eve] = await Promise.all([signedInAdmin(), signedInAdmin()]);
  const bob = await adminWithTeammate(sarah, 'member');
  await invite(eve, [{ email: bob.email, name: 'Bob Senior', role: 'viewer' }]);
  const { token } = await invitationLinkFor(bob.email);
  const joined = await completeInvitation(token, bob.password);
  if (joined.status !== 201) throw new Error(`complete answered ${joined.status}: ${JSON.stringify(joined.body)}`);
  return { sarah, eve, bob };
}
