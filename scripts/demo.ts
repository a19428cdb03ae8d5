/**
 * `npm run demo`: the TechStartup story in a running `npm start` (see
 * src/local/demo.ts), then the accounts to log in with and where.
 * Reads `<LOCAL_DATA_DIR>/local-stack.json` (default `.data`).
 */
import { resolve } from 'node:path';
import { demoConfig } from '../src/config';
import { createDemo, DemoError, type DemoTeam } from '../src/local/demo';
import { runningEarlierStack } from '../src/local/earlier-stack';
import { ORG, PEOPLE } from './demo-dataset/cast';

const ADMIN_PASSWORD = 'SecurePass123';
const BOB_PASSWORD = 'BobSecure456';
const DEMO_PASSWORD = 'DemoPass123';
const ADMIN_LOGIN = 'sarah-em';
const BOB_LOGIN = 'bob-senior';

/** Sarah (admin), the demo organization's other engineers (members) with their demo GitHub logins, and Diana the CTO (viewer). */
function techStartup(githubOrganization: string): DemoTeam {
  const staff = PEOPLE.filter((person) => person.repos.some(([repository]) => repository.startsWith(`${ORG}/`)));
  const sarah = staff.find((person) => person.login === ADMIN_LOGIN);
  if (!sarah) throw new Error(`The demo cast has no ${ADMIN_LOGIN}`);
  const engineers = staff
    .filter((person) => person !== sarah)
    .map((person) => ({
      email: person.email,
      name: person.name,
      password: person.login === BOB_LOGIN ? BOB_PASSWORD : DEMO_PASSWORD,
      githubUsername: person.login,
      role: 'member' as const,
    }));
  return {
    organizationName: 'TechStartup Inc',
    admin: { email: sarah.email, name: sarah.name, password: ADMIN_PASSWORD, githubUsername: sarah.login },
    people: [
      ...engineers,
      { email: 'diana@techstartup.com', name: 'Diana CTO', password: DEMO_PASSWORD, githubUsername: null, role: 'viewer' as const },
    ],
    githubOrganization,
  };
}

async function main(): Promise<void> {
  const settings = demoConfig();
  const dataDir = resolve(settings.LOCAL_DATA_DIR);
  const manifest = await runningEarlierStack(dataDir);
  if (!manifest) throw new DemoError(`No DevInsights stack is running on ${dataDir}: start one with \`npm start\` (in another terminal), then run \`npm run demo\` again.`);
  const team = techStartup(settings.DEMO_GITHUB_ORGANIZATION);
  console.log(`Loading the TechStartup demo into ${manifest.apiUrl}…`);
  const outcome = await createDemo({ apiUrl: manifest.apiUrl, sesInboxUrl: manifest.sesInboxUrl }, (line) => console.log(line)).load(team);

  if (outcome.changes.length === 0) console.log('Nothing to do: the demo was already loaded, and nothing was changed.');
  else for (const change of outcome.changes) console.log(`- ${change}`);
  console.log(`\n${team.organizationName}: the team dashboard analyses ${outcome.totalMembers} engineers.\n`);
  const rows = [
    { ...team.admin, role: 'admin' },
    ...team.people,
  ].map((person) => [person.email, person.password, person.role, person.githubUsername ?? '—']);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}`);
  const where = manifest.webUrl ?? manifest.apiUrl;
  console.log(`\nOpen ${where} and log in as ${team.admin.email} / ${team.admin.password}.`);
}

main().catch((error: unknown) => {
  if (error instanceof DemoError) console.error(`The demo could not be loaded. ${error.message}`);
  else console.error('The demo stopped on an unexpected error:', error);
  process.exitCode = 1;
});
