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

/**
 * GitHub refused to mint a token because it has no such installation: it
 * was uninstalled and the webhook that says so never arrived (or was lost).
 */
export class GithubInstallationGoneError extends Error {
  constructor(readonly installationId: number, options?: ErrorOptions) {
    super(`GitHub has no installation ${installationId}`, options);
    this.name = 'GithubInstallationGoneError';
  }
}

export class GithubNotFoundError extends Error {
  constructor(readonly path: string, options?: ErrorOptions) {
    super(`GitHub has no ${path}`, options);
    this.name = 'GithubNotFoundError';
  }
}

/** The stack has not made the GitHub App's secrets: it makes them only when deployed with the app's three contexts. */
export class StackSecretsNotFoundError extends Error {
  constructor(readonly stackName: string, readonly missing: readonly string[]) {
    super(
      `The stack ${stackName} has no ${missing.join(' or ')} secret. It creates them only when deployed with the app's ` +
        'githubAppId, githubAppSlug and githubAppClientId contexts: register with --out <file>, deploy, then store with --from-file <file>.',
    );
    this.name = 'StackSecretsNotFoundError';
  }
}
