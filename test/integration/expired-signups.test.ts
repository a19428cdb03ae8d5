import { describe, expect, it } from 'vitest';
import { provideAppEnvironment } from '../../src/config';
import { organizationNameSkeleton } from '../../src/domain/organization-name';
import { SWEEP_LOOKBACK_DAYS } from '../../src/domain/pending-signup';
import { newSignup, signedInAdmin, verificationCodeFor, type SignupInput } from '../support/accounts';
import { cognitoUserExists, runJob } from '../support/jobs';
import { sharedStackEnvironment } from '../support/private-api';
import { api } from '../support/stack';
import { itemAt, itemsIn, letPendingSignupExpire } from '../support/table';

const SWEEP = 'sweep-expired-signups';
const signUp = (json: SignupInput) => api('/auth/signup', { method: 'POST', json });

interface Signup {
  readonly input: SignupInput;
  readonly userId: string;
  readonly organizationId: string;
}

async function unverifiedSignup(overrides: Partial<SignupInput> = {}): Promise<Signup> {
  const input = newSignup(overrides);
  const response = await signUp(input);
  if (response.status !== 201) throw new Error(`signup answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { input, userId: response.body.data.userId, organizationId: response.body.data.organizationId };
}

/** Everything of a signup the table and the user pool hold, as the sweep should find or leave it. */
async function leftOf({ input, userId, organizationId }: Signup) {
  const login = input.githubUsername ? await itemsIn(`GHLOGIN#${input.githubUsername.toLowerCase()}`) : [];
  return {
    organizationItems: (await itemsIn(`ORG#${organizationId}`)).length,
    userItems: (await itemsIn(`USER#${userId}`)).length,
    githubLoginLookup: login.some((item) => item['SK'] === `ORG#${organizationId}`),
    account: (await itemAt({ PK: `EMAIL#${input.email.toLowerCase()}`, SK: 'ACCOUNT' }))?.['userId'] === userId,
    organizationName: (await itemAt({ PK: `ORGNAME#${organizationNameSkeleton(input.organizationName)}`, SK: 'ORGNAME' }))?.['organizationId'] === organizationId,
    cognitoUser: await cognitoUserExists(userId),
  };
}

/** One Query per UTC day the sweep looks back (7 days and today), then at most 5 calls per entry. */
const QUERIES_PER_RUN = SWEEP_LOOKBACK_DAYS + 1;
const MOST_CALLS_PER_SIGNUP = 5;

const NOTHING = { organizationItems: 0, userItems: 0, githubLoginLookup: false, account: false, organizationName: false, cognitoUser: false };

describe('the sweep of signups left unverified', () => {
  it('It should remove an expired signup: its organization, its user, its reservations and its Cognito user', async () => {
    const signup = await unverifiedSignup();
    await letPendingSignupExpire(signup.input.email, signup.input.organizationName);

    const run = await runJob(SWEEP);

    expect(run.failed).toBe(0);
    expect(run.swept).toBeGreaterThanOrEqual(1);
    expect(await leftOf(signup)).toEqual(NOTHING);
  });

  it('It should cost one Query per day looked back and at most 5 DynamoDB calls per signup it examines', async () => {
    const signup = await unverifiedSignup();
    await letPendingSignupExpire(signup.input.email, signup.input.organizationName);

    const run = await runJob(SWEEP);

    expect(run.examined).toBeGreaterThanOrEqual(1);
    expect(run.dynamodbCalls).toBeGreaterThanOrEqual(QUERIES_PER_RUN + 1);
    expect(run.dynamodbCalls).toBeLessThanOrEqual(QUERIES_PER_RUN + MOST_CALLS_PER_SIGNUP * run.examined);
  });

  it('It should let the address and the organization name of a swept signup be signed up again', async () => {
    const signup = await unverifiedSignup();
    await letPendingSignupExpire(signup.input.email, signup.input.organizationName);
    await runJob(SWEEP);

    const again = newSignup({ email: signup.input.email, organizationName: signup.input.organizationName });
    expect((await signUp(again)).status).toBe(201);
    expect((await api('/auth/verify', { method: 'POST', json: { email: again.email, code: await verificationCodeFor(again.email) } })).status).toBe(200);
    expect((await api('/auth/login', { method: 'POST', json: { email: again.email, password: again.password } })).status).toBe(200);
  });

  it('It should leave a signup verified before the sweep untouched, however long ago it signed up', async () => {
    const sarah = await signedInAdmin();
    const signup = { input: sarah.input, userId: sarah.userId, organizationId: sarah.organizationId };
    const before = await leftOf(signup);
    await letPendingSignupExpire(sarah.input.email, sarah.input.organizationName);

    const run = await runJob(SWEEP);

    expect(run.failed).toBe(0);
    expect(await leftOf(signup)).toEqual(before);
    expect(before).toMatchObject({ account: true, organizationName: true, cognitoUser: true });
    expect((await api('/auth/login', { method: 'POST', json: { email: sarah.input.email, password: sarah.input.password } })).status).toBe(200);
  });

  it('It should leave a signup still within its 48 hours untouched, and its code still verifies', async () => {
    const signup = await unverifiedSignup();
    const before = await leftOf(signup);

    await runJob(SWEEP);

    expect(await leftOf(signup)).toEqual(before);
    expect(before).toMatchObject({ account: true, organizationName: true, cognitoUser: true });
    const code = await verificationCodeFor(signup.input.email);
    expect((await api('/auth/verify', { method: 'POST', json: { email: signup.input.email, code } })).status).toBe(200);
  });

  it('It should change nothing when it runs a second time', async () => {
    const signup = await unverifiedSignup();
    await letPendingSignupExpire(signup.input.email, signup.input.organizationName);
    await runJob(SWEEP);
    const newcomer = await unverifiedSignup({ email: signup.input.email, organizationName: signup.input.organizationName });
    const newcomerBefore = await leftOf(newcomer);

    const second = await runJob(SWEEP);

    expect(second.failed).toBe(0);
    expect(await leftOf(signup)).toEqual(NOTHING);
    expect(await leftOf(newcomer)).toEqual(newcomerBefore);
    expect(newcomerBefore).toMatchObject({ account: true, organizationName: true, cognitoUser: true });
  });

  it('It should remove an expired signup cleanly when two sweeps run at once', async () => {
    const signup = await unverifiedSignup();
    await letPendingSignupExpire(signup.input.email, signup.input.organizationName);

    const runs = await Promise.all([runJob(SWEEP), runJob(SWEEP)]);

    expect(runs.map((run) => run.failed)).toEqual([0, 0]);
    expect(await leftOf(signup)).toEqual(NOTHING);
  });

  it('It should answer the job hook only on a stack started for tests, never on a plain one', async () => {
    provideAppEnvironment({ ...sharedStackEnvironment(), LOG_LEVEL: 'error' });
    const { startApiServer } = await import('../../src/local/http-server');
    const plain = await startApiServer({ port: 0 });
    try {
      const response = await api(`/_local/jobs/${SWEEP}`, { method: 'POST', baseUrl: plain.url });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
    } finally {
      await plain.close();
    }
  });
});
