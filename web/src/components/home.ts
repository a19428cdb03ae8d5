import type { SessionUser } from '../api/session';

/** Where each role lands after signing in: what the story has each of them open first. */
export function homePathFor(user: SessionUser): string {
  if (user.role === 'admin') return '/dashboard';
  if (user.role === 'viewer') return '/reports';
  return user.githubUsername ? `/people/${encodeURIComponent(user.githubUsername)}` : '/team';
}
