import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ApiError } from '../../api/errors';
import { signIn } from '../../api/sign-in';
import { ErrorMessage, Field, fieldError, SubmitButton } from '../../components/form';
import { homePathFor } from '../../components/home';
import { AuthPage } from './auth-page';

type Invitation = components['schemas']['InvitationOffer'];

/**
 * Where the invitation email's link lands: what the invitation offers, then
 * a password (a new account, or the existing account's own password to add
 * this organization to it), then the person is signed in to it.
 */
export function AcceptInvitationScreen() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    enabled: token !== '',
    queryFn: () => unwrap(api().GET('/invite/accept', { params: { query: { token } } })),
  });
  const [name, setName] = useState<string | undefined>();
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: async (offer: Invitation) => {
      await unwrap(api().POST('/invite/complete', { body: { token, password, ...(name ? { name } : {}) } }));
      return signIn(offer.email, password);
    },
    onSuccess: (session) => navigate(homePathFor(session.user), { replace: true }),
  });
  if (!token) return <Unusable message="This link has no invitation in it. Open the link from your invitation email again." />;
  if (invitation.isPending) return <AuthPage title="Your invitation">{<p role="status">Reading your invitation…</p>}</AuthPage>;
  if (invitation.isError) {
    const gone = invitation.error instanceof ApiError && (invitation.error.status === 410 || invitation.error.status === 404);
    return <Unusable message={gone ? 'This invitation has expired, was revoked or was already used. Ask your admin for a new one.' : invitation.error.message} />;
  }
  const offer = invitation.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(offer);
  };
  return (
    <AuthPage title={`Join ${offer.organizationName}`}>
      <p>
        You are invited as <strong>{offer.role}</strong> with {offer.email}. The invitation is valid until{' '}
        {new Date(offer.expiresAt).toLocaleString()}.
      </p>
      <form onSubmit={submit} noValidate>
        <Field label="Your name" autoComplete="name" value={name ?? offer.name} onChange={(event) => setName(event.target.value)} error={fieldError(accept.error, 'name')} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint="New here: choose one (8+ characters, upper- and lower-case letters and a digit). Already on DevInsights: your current password."
          error={fieldError(accept.error, 'password')}
        />
        <ErrorMessage error={accept.error} />
        <SubmitButton busy={accept.isPending} busyLabel="Joining…">
          Accept invitation
        </SubmitButton>
      </form>
    </AuthPage>
  );
}

function Unusable({ message }: { message: string }) {
  return (
    <AuthPage title="Invitation unavailable">
      <p role="alert">{message}</p>
      <p>
        <Link to="/login">Sign in</Link>
      </p>
    </AuthPage>
  );
}
