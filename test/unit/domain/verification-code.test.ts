import { describe, expect, it } from 'vitest';
import {
  generateVerificationCode,
  hashVerificationCode,
  verificationCodeMatches,
} from '../../../src/domain/verification-code';

describe('verification codes', () => {
  it('are always six digits', () => {
    for (let i = 0; i < 500; i += 1) expect(generateVerificationCode()).toMatch(/^\d{6}$/);
  });

  it('match only the code and user they were made for', () => {
    const hash = hashVerificationCode('usr_a', '123456');
    expect(verificationCodeMatches('usr_a', '123456', hash)).toBe(true);
    expect(verificationCodeMatches('usr_a', '123457', hash)).toBe(false);
    expect(verificationCodeMatches('usr_b', '123456', hash)).toBe(false);
  });

  it('are never stored in the clear', () => {
    expect(hashVerificationCode('usr_a', '123456')).not.toContain('123456');
  });
});
