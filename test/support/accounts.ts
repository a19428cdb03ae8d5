import { randomBytes } from 'node:crypto';
import { api, inbox, type ApiRequest } from './stack';

/** Which API a helper talks to and from which client address (default: the shared stack, from 127.0.0.1). */
export type Via = Pick<ApiRequest, 'baseUrl' | 'from'>;

/** Tests share one stack, so every person and organization gets a unique name. */
export function unique(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  organizationName: string;
  githubUsername?: string | null;
}

export function newSignup(overrides: Partial<SignupInput> = {}): SignupInput {
  const id = unique('sarah');
  return {
    email: `${id}@techstartup.test`,
    password: 'SecurePass123',
    name: 'Sarah Manager',
    organizationName: `TechStartup ${id}`,
    githubUsername: 'sarah-em',
    ...overrides,
  };
}

/** The 6-digit code from the newest verification email to `email`. */
export async function verificationCodeFor(email: string): Promise<string> {
  const message = await inbox().waitForEmail(email, { subjectStartsWith: 'Verify' });
  const code = /\b(\d{6})\b/.exec(message.body.text ?? '')?.[1];
  if (!code) throw new Error(`No 6-digit code in the verification email to ${email}`);
  return code;
}

export interface SignedInAdmin {
  readonly input: SignupInput;
  readonly userId: string;
  readonly organizationId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Signup → code from the local inbox → verify → login, as Sarah does on Day 1. */
export async function signedInAdmin(overrides: Partial<SignupInput> = {}, via: Via = {}): Promise<SignedInAdmin> {
  const input = newSignup(overrides);
  const signup = await api('/auth/signup', { ...via, method: 'POST', json: input });
  if (signup.status !== 201) throw new Error(`signup answered ${signup.status}: ${JSON.stringify(signup.body)}`);
  const verify = await api('/auth/verify', {
    ...via,
    method: 'POST',
    json: { email: input.email, code: await verificationCodeFor(input.email) },
  });
  if (verify.status !== 200) throw new Error(`verify answered ${verify.status}: ${JSON.stringify(verify.body)}`);
  const login = await api('/auth/login', { ...via, method: 'POST', json: { email: input.email, password: input.password } });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  return {
    input,
    userId: signup.body.data.userId,
    organizationId: signup.body.data.organizationId,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
  };
}
