import { createHash } from 'node:crypto';

/**
 * Which engineers a stored flow counted, without naming them: a digest of
 * their lower-case logins in order. The dashboard compares it with the
 * team it reads, so a member who joined or left since shows as outdated.
 */
export function teamDigestOf(logins: readonly string[]): string {
  const sorted = [...new Set(logins.map((login) => login.toLowerCase()))].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('base64url');
}
