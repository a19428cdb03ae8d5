import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../src/domain/password-policy';

describe('password policy', () => {
  it.each(['SecurePass123', 'BobSecure456', 'Abcdefg1', 'With symbols !1aA'])('accepts %s', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it.each([
    ['Short1a', 'at least 8'],
    ['alllowercase1', 'upper-case'],
    ['ALLUPPERCASE1', 'lower-case'],
    ['NoDigitsHere', 'digit'],
  ])('refuses %s because it lacks %s', (password, reason) => {
    expect(passwordProblems(password).map((problem) => problem.message).join(' ')).toContain(reason);
  });
});
