import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { signIn } from '../../api/sign-in';
import { ErrorMessage, Field, SubmitButton } from '../../components/form';
import { homePathFor } from '../../components/home';
import { AuthPage } from './auth-page';

/** Only a path of this app, so a crafted `?next=` cannot send a person elsewhere after signing in. */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export function LoginScreen() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => signIn(email, password),
    onSuccess: (session) => navigate(safeNext(params.get('next')) ?? homePathFor(session.user), { replace: true }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const unverified = login.error instanceof ApiError && login.error.code === 'EMAIL_NOT_VERIFIED';
  return (
    <AuthPage title="Sign in to DevInsights">
      {params.get('verified') ? <p role="status">Your email is verified. Sign in to continue.</p> : null}
      <form onSubmit={submit} noValidate>
        <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <ErrorMessage error={login.error} />
        {unverified ? (
          <p>
            <Link to={`/verify?email=${encodeURIComponent(email)}`}>Enter the verification code</Link>
          </p>
        ) : null}
        <SubmitButton busy={login.isPending} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <p>
        New to DevInsights? <Link to="/signup">Create an organization</Link>
      </p>
    </AuthPage>
  );
}
