import { logger } from '../../http/logger';

/**
 * Octokit's `log` option and its `request.log` (@octokit/request warns of a
 * deprecated endpoint through that one, else on the console), for every
 * client of this folder: its lines become
 * our JSON lines (src/http/logger.ts) instead of plain text on the console,
 * so `npm start` keeps to one JSON line per request. What Octokit says at
 * debug and info is a trace, at warn and error worth a look, except the
 * request-log plugin's line for every non-2xx answer (`GET /x - 304 with id
 * … in 3ms`): a 304 from the ETag cache or an expected 404 is not a failure,
 * and a real one reaches our code as the thrown error, which logs it.
 */
export interface OctokitLog {
  debug(message: string, additional?: unknown): void;
  info(message: string, additional?: unknown): void;
  warn(message: string, additional?: unknown): void;
  error(message: string, additional?: unknown): void;
}

const REQUEST_LOG_LINE = /^[A-Z]+ \S+ - \d+ with id \S+ in \d+ms$/;

const githubLog = logger.child({ source: 'octokit' });

/**
 * Only an Error rides along: the other extra arguments are whole request
 * options (headers, bodies) that have no place in a log line.
 */
function fields(additional: unknown): Record<string, unknown> {
  return additional instanceof Error ? { error: additional } : {};
}

export const octokitLog: OctokitLog = {
  debug: (message, additional) => githubLog.debug(message, fields(additional)),
  info: (message, additional) => githubLog.debug(message, fields(additional)),
  warn: (message, additional) => githubLog.warn(message, fields(additional)),
  error: (message, additional) =>
    REQUEST_LOG_LINE.test(message) ? githubLog.debug(message, fields(additional)) : githubLog.warn(message, fields(additional)),
};
