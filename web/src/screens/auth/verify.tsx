import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorMessage, Field, fieldError, SubmitButton } from '../../components/form';
import { AuthPage } from './auth-page';

export function VerifyScreen() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () => unwrap(api().POST('/auth/verify', { body: { email, code: code.trim() } })),
    onSuccess: () => navigate(`/login?verified=1&email=${encodeURIComponent(email)}`, { replace: true }),
  });
  const resend = useMutation({ mutationFn: () => unwrap(api().POST('/auth/resend-verification', { body: { email } })) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  return (
    <AuthPage title="Verify your email">
      <p>We sent a 6-digit code to {email || 'your email address'}. Enter it here to activate your account.</p>
      <form onSubmit={submit} noValidate>
        <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <Field
          label="Verification code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError(verify.error, 'code')}
        />
        <ErrorMessage error={verify.error} />
        <SubmitButton busy={verify.isPending} busyLabel="Verifying…">
          Verify email
        </SubmitButton>
      </form>
      <p>
        <button type="button" className="link" disabled={!email || resend.isPending} onClick={() => resend.mutate()}>
          Send a new code
        </button>
        {resend.isSuccess ? <span role="status"> If that address has an account waiting, a new code is on its way.</span> : null}
      </p>
    </AuthPage>
  );
}
