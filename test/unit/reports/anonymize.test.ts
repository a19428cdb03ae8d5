import { describe, expect, it } from 'vitest';
import {
  assertNoMentions,
  identifiersOf,
  mentionPaths,
  mentionsAnyone,
  redact,
  WITHHELD,
  type Identifiable,
} from '../../../src/domain/reports/anonymize';
import { AnonymizationError } from '../../../src/domain/reports/errors';

const bob: Identifiable = { name: 'Bob Senior', githubUsername: 'bob-senior', email: 'bob@techstartup.test' };

describe('finding a person in a sentence', () => {
  it.each<[string, Identifiable, string, boolean, boolean]>([
    ['the full name', bob, 'Ask Bob Senior first', true, true],
    ['the full name across a line break, any case', bob, 'ask BOB\nsenior first', true, true],
    ['the login', bob, 'bob-senior merged it', true, true],
    ['the email', bob, 'write to Bob@TechStartup.test', true, true],
    ['a first name alone, only loosely', bob, "Bob's pull requests", false, true],
    ['a surname that is an ordinary word, only loosely', bob, 'Pair with a senior engineer', false, true],
    ['not a name inside a longer word', bob, 'Bobcat Labs and seniority', false, false],
    ['a short login as a word', { githubUsername: 'al' }, 'ask al today', true, true],
    ['not a short login inside a word', { githubUsername: 'al' }, 'all engineers, totally', false, false],
    ['a name made of ordinary words', { name: 'Will Grant' }, 'Managers will grant leave', true, true],
    ['one ordinary word of such a name, only loosely', { name: 'Will Grant' }, 'It will rain', false, true],
    ['a name with letters beyond ASCII', { name: 'Zoë Ng' }, 'ZOË NG is on leave', true, true],
    ['a surname of two letters, loosely', { name: 'Zoë Ng' }, 'Ng is on leave', false, true],
    ['not an initial', { name: 'A. Smith' }, 'Plan A. first', false, false],
    ['a name with regex characters', { name: 'J. (Jay) Smith' }, 'thanks J. (Jay) Smith', true, true],
    ['anything shaped like an email, known or not', {}, 'contact someone@example.com', true, true],
  ])('finds %s', (_case, person, text, strict, loose) => {
    const identifiers = identifiersOf([person]);
    expect(mentionsAnyone(text, identifiers.strict)).toBe(strict);
    expect(mentionsAnyone(text, identifiers.loose)).toBe(loose);
  });

  it('ignores empty names and logins', () => {
    const identifiers = identifiersOf([{ name: '  ', githubUsername: '' }]);
    expect(mentionsAnyone('Any sentence at all', identifiers.loose)).toBe(false);
  });
});

describe('redacting and checking', () => {
  const { strict } = identifiersOf([bob]);

  it('replaces each mention in a field that must stay', () => {
    expect(redact('Bob Senior & bob-senior Consulting', strict)).toBe(`${WITHHELD} & ${WITHHELD} Consulting`);
  });

  it('gives the path of every string value that mentions someone, skipping machine fields and keys', () => {
    const value = { 'bob-senior': 'ok', a: ['fine', 'by bob-senior'], b: { c: 'Bob Senior' }, id: 'bob-senior' };
    expect(mentionPaths(value, strict, new Set(['id']))).toEqual(['a.1', 'b.c']);
  });

  it('refuses a value that still mentions someone, without repeating the name', () => {
    const check = () => assertNoMentions({ conclusion: 'Thanks, Bob Senior' }, strict);
    expect(check).toThrow(AnonymizationError);
    expect(check).toThrow(/conclusion/);
    expect(check).not.toThrow(/Bob/);
  });
});
