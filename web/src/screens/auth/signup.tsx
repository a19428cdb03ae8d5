import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorMessage, Field, fieldError, SubmitButton } from '../../components/form';
import { AuthPage } from './auth-page';

const PASSWORD_RULE = 'At least 8 characters, with an upper-case letter, a lower-case letter and a digit.';

export function SignupScreen() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', password: '', organizationName: '', githubUsername: '' });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const signup = useMutation({
    mutationFn: () =>
      unwrap(
        api().POST('/auth/signup', {
          body: {
            name: form.name,
            email: form.email,
            password: form.password,
            organizationName: form.organizationName,
            ...(form.githubUsername.trim() ? { githubUsername: form.githubUsername.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => navigate(`/verify?email=${encodeURIComponent(form.email)}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signup.mutate();
  };
  const error = signup.error;
  return (
    <AuthPage title="Create your organization">
      <form onSubmit={submit} noValidate>
        <Field label="Your name" autoComplete="name" required value={form.name} onChange={set('name')} error={fieldError(error, 'name')} />
        <Field label="Email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={fieldError(error, 'email')} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={set('password')}
          hint={PASSWORD_RULE}
          error={fieldError(error, 'password')}
        />
        <Field
          label="Organization name"
          autoComplete="organization"
          required
          value={form.organizationName}
          onChange={set('organizationName')}
          error={fieldError(error, 'organizationName')}
        />
        <Field
          label="GitHub username (optional)"
          autoComplete="username"
          value={form.githubUsername}
          onChange={set('githubUsername')}
          hint="Your own analysis is matched to your GitHub activity by this login."
          error={fieldError(error, 'githubUsername')}
        />
        <ErrorMessage error={error} />
        <SubmitButton busy={signup.isPending} busyLabel="Creating…">
          Create organization
        </SubmitButton>
      </form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </AuthPage>
  );
}
