import type { ReactNode } from 'react';

/** The frame of the screens before a session: the product's name, one card, one heading. */
export function AuthPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="centered">
      <p className="brand">DevInsights</p>
      <section className="card auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}
