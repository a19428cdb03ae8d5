import { describe, expect, it } from 'vitest';
import { nameProblems } from '../../../src/domain/display-name';

const messages = (name: string) => nameProblems(name).map((problem) => problem.message);

describe('names of people and organizations', () => {
  it.each([
    'Sarah Manager',
    'TechStartup Inc',
    'J.R.R. Tolkien',
    'St. John-Smith',
    "Zoë O'Brien",
    'Müller & Söhne GmbH',
    '東京ラボ',
    'Москва Dev',
    'Acme Inc.',
    'Team 42',
    '🚀 Platform',
  ])('It should accept %j', (name) => {
    expect(messages(name)).toEqual([]);
  });

  it.each([
    ['You won $5000, claim at https://prize.example', 'must not contain a web address'],
    ['claim at HTTP://x', 'must not contain a web address'],
    ['ftp://files', 'must not contain a web address'],
    ['visit www.prize', 'must not contain a web address'],
    ['Claim-prize.com team', 'must not contain a web address'],
    ['bit.ly/win', 'must not contain a web address'],
    ['prize．com', 'must not contain a web address'],
    ['server 10.0.0.1', 'must not contain a web address'],
    ['write to win@prize.test', 'must not contain an email address'],
    ['Bob\nBcc: everyone', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['Bob\u0007', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['Sarah\u202Egnp.exe', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['Ali\u2066ce', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['👩\u200D💻 Tech', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['Tech\u200BStartup', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['Tech\uFEFFStartup', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['Tech\u2028Startup', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
    ['Tech\uE000Startup', 'must not contain control, invisible or formatting characters (bidi controls, zero-width)'],
  ])('It should refuse %j: %s', (name, message) => {
    expect(messages(name)).toContain(message);
  });

  it('It should name each problem once', () => {
    expect(messages('https://a.example and www.b.example')).toEqual(['must not contain a web address']);
  });
});
