import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { newSignup, signedInAdmin, unique } from '../support/accounts';
import { api, stack } from '../support/stack';
import { reserveLegacyOrganizationName } from '../support/table';
import { completeInvitation, invitationLinkFor, invite } from '../support/team';

const signup = (overrides: Parameters<typeof newSignup>[0]) => api('/auth/signup', { method: 'POST', json: newSignup(overrides) });
const DUPLICATE = { success: false, error: 'An organization with this name already exists', code: 'CONFLICT' };

const ATTACKER_TEXT = [
  ['a link', 'You won $5000, claim at https://prize.example', 'must not contain a web address'],
  ['a bare domain', 'Claim your prize at prize-desk.com', 'must not contain a web address'],
  ['a bidi override', 'Sarah \u202Egnp.exe', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
  ['a zero-width space', 'Tech\u200BStartup', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
] as const;

describe('names of people and organizations', () => {
  it.each(ATTACKER_TEXT)('refuses an organization name with %s at signup with 400 and details', async (_, text, message) => {
    const response = await signup({ organizationName: `${text} ${unique('o')}` });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    expect(response.body.details).toEqual(expect.arrayContaining([{ path: 'organizationName', message }]));
  });

  it.each(ATTACKER_TEXT)("refuses a person's name with %s at signup and in invitations", async (_, text, message) => {
    const atSignup = await signup({ name: text });
    expect(atSignup.status).toBe(400);
    expect(atSignup.body.details).toEqual(expect.arrayContaining([{ path: 'name', message }]));

    const sarah = await signedInAdmin();
    const email = `${unique('victim')}@techstartup.test`;
    const invited = await invite(sarah, [{ email, name: text, role: 'member' }]);
    expect(invited.status).toBe(400);
    expect(invited.body.details).toEqual(expect.arrayContaining([{ path: 'invitations.0.name', message }]));
  });

  it('refuses a name with a link when an invitation is completed', async () => {
    const sarah = await signedInAdmin();
    const email = `${unique('bob')}@techstartup.test`;
    await invite(sarah, [{ email, name: 'Bob Senior', role: 'member' }]);
    const { token } = await invitationLinkFor(email);
    const response = await completeInvitation(token, 'BobSecure456', 'Bob, claim at https://prize.example');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([{ path: 'name', message: 'must not contain a web address' }]));
  });

  it('still accepts ordinary names from many scripts', async () => {
    const response = await signup({ name: "Zoë O'Brien-Müller", organizationName: `Ωmega 東京 J.R. Labs ${unique('o')}` });
    expect(response.status).toBe(201);
  });
});

describe('organization names that look alike', () => {
  it('refuses a name that differs from an existing one only by a Cyrillic letter, like a duplicate', async () => {
    const name = `TechStartup ${unique('o')}`;
    expect((await signup({ organizationName: name })).status).toBe(201);

    const duplicate = await signup({ organizationName: name });
    const lookalike = await signup({ organizationName: name.replace('Startup', 'St\u0430rtup') });

    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual(DUPLICATE);
    expect(lookalike.status).toBe(409);
    expect(lookalike.body).toEqual(duplicate.body);
  });

  it.each([
    ['full-width letters', (name: string) => name.replace('Tech', 'Ｔｅｃｈ')],
    ['a Greek capital iota for I', (name: string) => name.replace('Inc', '\u0399nc')],
    ['rn for m', (name: string) => name.replace('Team', 'Tearn')],
  ])('refuses a lookalike made with %s', async (_, disguise) => {
    const name = `Tech Team Inc ${unique('o')}`;
    expect((await signup({ organizationName: name })).status).toBe(201);
    const lookalike = await signup({ organizationName: disguise(name) });
    expect(lookalike.status).toBe(409);
    expect(lookalike.body).toEqual(DUPLICATE);
  });

  it('refuses lookalikes that race each other: one of them is created', async () => {
    const name = `Race Startup ${unique('o')}`;
    const answers = await Promise.all(
      [name, name.replace('a', '\u0430'), name.replace('e', '\u0435'), name.toUpperCase()].map((organizationName) => signup({ organizationName })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('still finds a name reserved before lookalike checks (keyed by its plain normalized form)', async () => {
    const name = `Legacy Farm ${unique('o')}`;
    await reserveLegacyOrganizationName(name);
    const again = await signup({ organizationName: name.toLowerCase() });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(DUPLICATE);
  });

  it('refuses lookalikes of such an old name once the migration has reserved it by its skeleton', async () => {
    const name = `Legacy Farm ${unique('o')}`;
    await reserveLegacyOrganizationName(name);
    const lookalike = name.replace('Farm', 'F\u0430rm');

    // The script as an operator runs it, against the test stack (its manifest is in the stack's data folder).
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/migrate-organization-names.ts', stack().dataDir]);

    expect(stdout).toMatch(/[1-9]\d* organization name\(s\) now reserved by their skeleton too/);
    const refused = await signup({ organizationName: lookalike });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(DUPLICATE);
  });
});
