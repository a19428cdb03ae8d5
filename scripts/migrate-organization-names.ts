/**
 * Re-keys the organization names of a table written before lookalike names
 * were refused (see reserveOldNamesBySkeleton). For the local stack, which
 * must be running: `npx tsx scripts/migrate-organization-names.ts [data dir]`
 * (default `.data`). Prints what it did; safe to run again.
 */
import { randomBytes } from 'node:crypto';
import { provideAppEnvironment } from '../src/config';
import { readManifest } from '../src/local/manifest';

const manifest = await readManifest(process.argv[2] ?? '.data');
provideAppEnvironment({
  TABLE_NAME: manifest.tableName,
  AWS_REGION: manifest.region,
  DYNAMODB_ENDPOINT: manifest.dynamodbEndpoint,
  USER_POOL_ID: manifest.userPoolId,
  USER_POOL_CLIENT_ID: manifest.userPoolClientId,
  // Required by the app's configuration, unused here: nothing is signed or sealed.
  APP_SECRET: randomBytes(32).toString('base64url'),
});
const { reserveOldNamesBySkeleton } = await import('../src/repositories/organization-name-migration');
const { rekeyed, collisions } = await reserveOldNamesBySkeleton();
console.info(`${rekeyed} organization name(s) now reserved by their skeleton too.`);
for (const { name, organizationId } of collisions) {
  console.warn(`Looks like a name already in use, left as it is: "${name}" (${organizationId})`);
}
