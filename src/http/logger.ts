/**
 * Structured JSON logs, one line per event, written by Powertools for AWS
 * Lambda (service `devinsights`). JSON.stringify escapes newlines, so user
 * input cannot forge a log line; secrets are redacted by key name before the
 * fields reach Powertools.
 *
 * One Powertools logger serves the whole process: a child logger carries its
 * keys (requestId, route, orgId, userId) itself and hands them over with each
 * call, so concurrent requests in the local server never share mutable keys.
 */
import { LogFormatter, LogItem, Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

type Level = 'debug' | 'info' | 'warn' | 'error';

const SECRET_KEYS = /^(password|newpassword|token|accesstoken|refreshtoken|idtoken|authorization|code|cookie|secret|apikey)$/i;

/** Keys Powertools owns in every line; a field with one of these names is renamed, not dropped. */
const RESERVED_KEYS = new Set(['level', 'message', 'sampling_rate', 'service', 'timestamp']);

function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? '[REDACTED]' : redact(inner, depth + 1);
  }
  return out;
}

function toAttributes(fields: Record<string, unknown>): Record<string, unknown> {
  const redacted = redact(fields) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(redacted)) out[RESERVED_KEYS.has(key) ? `field_${key}` : key] = value;
  return out;
}

type FormatArguments = Parameters<LogFormatter['formatAttributes']>;

/**
 * Keeps the line shape the app has always logged (and that tests and log
 * queries rely on): `level` in lower case, `time`, `message`, `service`, then
 * the fields; plus the X-Ray trace id when Lambda provides one.
 */
class DevInsightsLogFormatter extends LogFormatter {
  formatAttributes(attributes: FormatArguments[0], additional: FormatArguments[1]): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel.toLowerCase(),
        time: this.formatTimestamp(attributes.timestamp),
        message: attributes.message,
        service: attributes.serviceName,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes(additional);
  }
}

const powertools = new PowertoolsLogger({
  serviceName: 'devinsights',
  logLevel: 'INFO',
  logFormatter: new DevInsightsLogFormatter(),
});

export function setLogLevel(level: Level): void {
  powertools.setLogLevel(level.toUpperCase() as Uppercase<Level>);
}

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  powertools[level](message, toAttributes(fields));
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
  return {
    debug: (message, fields = {}) => write('debug', message, { ...base, ...fields }),
    info: (message, fields = {}) => write('info', message, { ...base, ...fields }),
    warn: (message, fields = {}) => write('warn', message, { ...base, ...fields }),
    error: (message, fields = {}) => write('error', message, { ...base, ...fields }),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

export const logger = createLogger();
