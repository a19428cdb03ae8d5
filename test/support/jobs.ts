import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { JobResult } from '../../src/background/job-handler';
import type { SweepCounts } from '../../src/services/expired-signups';
import { api, stack } from './stack';

/** What the sweep of expired signups answers, with its DynamoDB calls. */
export type SweepRun = JobResult<SweepCounts>;

/** Runs a job of src/jobs.ts once, now, through the test stack's hook (LOCAL_JOB_CONTROLS). */
export async function runJob<Counts = SweepRun>(name: string): Promise<Counts> {
  const response = await api<Counts>(`/_local/jobs/${name}`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`job ${name} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Whether cognito-local still has this user (AdminGetUser, straight to the emulator). */
export async function cognitoUserExists(userId: string): Promise<boolean> {
  const { cognitoUrl, region, userPoolId } = stack();
  const client = new CognitoIdentityProviderClient({
    endpoint: cognitoUrl,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: userId }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'UserNotFoundException') return false;
    throw error;
  } finally {
    client.destroy();
  }
}
