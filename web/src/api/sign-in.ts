import { api, unwrap } from './client';
import type { components } from './openapi';
import { session, type Session } from './session';

/** Login's answer; an organization switch answers the same, perhaps without a new refresh token. */
type LoginAnswer = Pick<components['schemas']['LoginResponse'], 'accessToken' | 'user'> & { readonly refreshToken?: string | undefined };

/** Keeps what login or an organization switch answered as the session (a switch may not send a new refresh token). */
export function keepSession(answer: LoginAnswer): Session {
  const refreshToken = answer.refreshToken ?? session.get()?.refreshToken ?? '';
  const next: Session = { accessToken: answer.accessToken, refreshToken, user: answer.user };
  session.set(next);
  return next;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const answer = await unwrap(api().POST('/auth/login', { body: { email, password } }));
  return keepSession(answer);
}

export async function switchOrganization(organizationId: string): Promise<Session> {
  const answer = await unwrap(api().POST('/auth/switch-organization', { body: { organizationId } }));
  return keepSession(answer);
}
