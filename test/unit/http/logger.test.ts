import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logger, setLogLevel } from '../../../src/http/logger';

/** Powertools writes through a node:console Console bound to process.stdout/stderr. */
function capture(stream: NodeJS.WriteStream = process.stdout) {
  const lines: string[] = [];
  const spy = vi.spyOn(stream, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, spy };
}

afterEach(() => {
  vi.restoreAllMocks();
  setLogLevel('info');
});

describe('structured logs', () => {
  it('never print passwords, tokens or codes', () => {
    const { lines } = capture();
    createLogger().info('login', {
      password: 'SecurePass123',
      nested: { refreshToken: 'eyJ.refresh', authorization: 'Bearer eyJ.abc', code: '123456' },
      list: [{ accessToken: 'eyJ.access', apiKey: 'sk-live-key', cookie: 'sid=abc' }],
    });
    const output = lines.join('');
    expect(output).not.toMatch(/SecurePass123|eyJ\.refresh|eyJ\.abc|123456|eyJ\.access|sk-live-key|sid=abc/);
    expect(output).toContain('[REDACTED]');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      time: expect.any(String),
      message: 'login',
      service: 'devinsights',
      password: '[REDACTED]',
      nested: { refreshToken: '[REDACTED]', authorization: '[REDACTED]', code: '[REDACTED]' },
    });
  });

  it('keep a newline in user input inside one JSON line', () => {
    const { lines } = capture();
    createLogger().info('signup', { name: 'Eve\n{"level":"error","message":"forged"}' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'signup', name: 'Eve\n{"level":"error","message":"forged"}' });
  });

  it('carry request and organization ids from child loggers', () => {
    const { lines } = capture();
    const log = logger.child({ requestId: 'req-1', route: 'GET /me' }).child({ orgId: 'org-9', userId: 'user-3' });
    log.info('request', { status: 200 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: 'request',
      service: 'devinsights',
      requestId: 'req-1',
      route: 'GET /me',
      orgId: 'org-9',
      userId: 'user-3',
      status: 200,
    });
  });

  it('log errors as name, message and stack, with secrets redacted', () => {
    const out = capture();
    const err = capture(process.stderr);
    logger.child({ requestId: 'req-2' }).error('request failed', { error: new TypeError('boom'), token: 'tok-secret' });
    const lines = [...out.lines, ...err.lines];
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('tok-secret');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      requestId: 'req-2',
      token: '[REDACTED]',
      error: { name: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom') },
    });
  });

  it('rename fields that Powertools reserves instead of dropping them', () => {
    const { lines } = capture();
    createLogger().info('reserved', { message: 'inner', level: 3 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'reserved', level: 'info', field_message: 'inner', field_level: 3 });
  });

  it('honour the log level', () => {
    const { lines } = capture();
    createLogger().debug('hidden');
    setLogLevel('debug');
    createLogger().debug('shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'debug', message: 'shown' });
  });
});
