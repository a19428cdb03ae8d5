import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/http/logger';

function captureStdout() {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, spy };
}

afterEach(() => vi.restoreAllMocks());

describe('structured logs', () => {
  it('never print passwords, tokens or codes', () => {
    const { lines } = captureStdout();
    createLogger().info('login', {
      password: 'SecurePass123',
      nested: { refreshToken: 'eyJ.refresh', authorization: 'Bearer eyJ.abc', code: '123456' },
    });
    const output = lines.join('');
    expect(output).not.toMatch(/SecurePass123|eyJ\.refresh|eyJ\.abc|123456/);
    expect(output).toContain('[REDACTED]');
  });

  it('keep a newline in user input inside one JSON line', () => {
    const { lines } = captureStdout();
    createLogger().info('signup', { name: 'Eve\n{"level":"error","message":"forged"}' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'signup' });
  });
});
