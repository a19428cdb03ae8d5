import { useSyncExternalStore } from 'react';
import type { components } from './openapi';

/**
 * The signed-in session: the tokens login returns and who they are for. Kept
 * in sessionStorage, so it lasts for the tab and ends with it: a shared
 * computer does not stay signed in, and no other site can read it.
 */
/** Who the session is for: login's `user`, as the OpenAPI document types it. */
export type SessionUser = components['schemas']['SessionUser'];

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

const STORAGE_KEY = 'devinsights.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

let current: Session | null = read();

function publish(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

export const session = {
  get: (): Session | null => current,
  set: (next: Session): void => publish(next),
  updateAccessToken: (accessToken: string): void => {
    if (current) publish({ ...current, accessToken });
  },
  clear: (): void => publish(null),
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get);
}
