/**
 * What can go wrong talking to GitHub, as the analytics need to tell it
 * apart: out of quota until a known time, or unavailable for now.
 */
export class GithubRateLimitedError extends Error {
  constructor(readonly resetAt: Date, options?: ErrorOptions) {
    super(`GitHub rate limit exhausted until ${resetAt.toISOString()}`, options);
    this.name = 'GithubRateLimitedError';
  }
}

export class GithubUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'GithubUnavailableError';
  }
}

export class GithubNotFoundError extends Error {
  constructor(readonly path: string, options?: ErrorOptions) {
    super(`GitHub has no ${path}`, options);
    this.name = 'GithubNotFoundError';
  }
}
