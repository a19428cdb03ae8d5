import type { ReactNode } from 'react';
import { useSession } from '../api/session';

/**
 * A screen of admin-only routes: anyone else opening its address gets a
 * sentence instead, and the screen's queries never run (the API would answer 403).
 */
export function AdminOnly({ title, refusal, children }: { title: string; refusal: string; children: ReactNode }) {
  const current = useSession();
  if (current?.user.role === 'admin') return children;
  return (
    <>
      <h1>{title}</h1>
      <p role="alert">{refusal}</p>
    </>
  );
}
