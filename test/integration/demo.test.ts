import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { childProcessEnvironment } from '../../src/config';
import { copyOfDemoOrganization } from '../support/github-connection';
import { api, stack } from '../support/stack';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run demo` against the test stack, as a developer runs it against `npm start`. */
async function runDemo(githubOrganization: string): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'demo'], {
    cwd: REPO_ROOT,
    // The shared stack's GitHub `techstartup` is another test's to connect; the demo gets a copy of its own.
    env: childProcessEnvironment({ LOCAL_DATA_DIR: stack().dataDir, DEMO_GITHUB_ORGANIZATION: githubOrganization }),
    timeout: 240_000,
  });
  return stdout;
}

async function logIn(email: string, password: string) {
  const response = await api<{ accessToken: string; user: { organizationId: string; organizationName: string; role: string } }>('/auth/login', {
    method: 'POST',
    json: { email, password },
  });
  expect(response.status).toBe(200);
  return response.body;
}

describe('npm run demo', () => {
  it('loads TechStartup with the whole team synced, and a second run changes nothing and says so', async () => {
    const githubOrganization = await copyOfDemoOrganization();

    const first = await runDemo(githubOrganization);
    const second = await runDemo(githubOrganization);

    expect(first).toMatch(/Syncing GitHub: \d+\/\d+ repositories/);
    expect(first).toContain(`connected GitHub ${githubOrganization}`);
    expect(first).toContain(`Open ${stack().webUrl} and log in as sarah@techstartup.com / SecurePass123.`);
    expect(first).toMatch(/bob@techstartup\.com\s+BobSecure456\s+member\s+bob-senior/);
    expect(first).toMatch(/diana@techstartup\.com\s+DemoPass123\s+viewer/);
    expect(second).toContain('Nothing to do: the demo was already loaded, and nothing was changed.');
    expect(second).not.toMatch(/^- /m);

    const sarah = await logIn('sarah@techstartup.com', 'SecurePass123');
    expect(sarah.user).toMatchObject({ organizationName: 'TechStartup Inc', role: 'admin' });
    const members = await api<{ items: { email: string; role: string; githubUsername: string | null }[] }>('/team/members', { token: sarah.accessToken });
    expect(members.body.items).toHaveLength(12);
    expect(members.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'sarah@techstartup.com', role: 'admin', githubUsername: 'sarah-em' }),
        expect.objectContaining({ email: 'bob@techstartup.com', role: 'member', githubUsername: 'bob-senior' }),
        expect.objectContaining({ email: 'diana@techstartup.com', role: 'viewer', githubUsername: null }),
        expect.objectContaining({ email: 'judy@techstartup.com', role: 'member', githubUsername: 'judy-dev' }),
      ]),
    );
    const dashboard = await api<{ totalMembers: number; topPerformer: { githubUsername: string } }>(`/ai/team-performance/${sarah.user.organizationId}`, {
      token: sarah.accessToken,
    });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.totalMembers).toBe(10);
    await logIn('bob@techstartup.com', 'BobSecure456');
    await logIn('diana@techstartup.com', 'DemoPass123');
    await logIn('charlie@techstartup.com', 'DemoPass123');
  }, 480_000);
});
