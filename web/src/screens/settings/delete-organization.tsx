import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { session } from '../../api/session';
import type { Organization } from '../../api/types';
import { ErrorMessage, Field, fieldError } from '../../components/form';

/** Erasing an organization is never one click: its name is typed out, and the API checks it. */
export function DeleteOrganization({ organization }: { organization: Organization }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState('');
  const erase = useMutation({ mutationFn: () => unwrap(api().DELETE('/organization', { body: { confirm } })) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    erase.mutate();
  };
  const signOut = () => {
    navigate('/login', { replace: true });
    session.clear();
    queryClient.clear();
  };
  if (erase.isSuccess) {
    return (
      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete the organization</h2>
        <p role="status">
          {organization.name} is being erased: every member, activity record, analysis and report. Accounts that belong to no other
          organization are deleted too.
        </p>
        <button type="button" className="primary" onClick={signOut}>
          Sign out
        </button>
      </section>
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="delete-title">
      <h2 id="delete-title">Delete the organization</h2>
      <p>
        This erases everything {organization.name} stores and cannot be undone. Export the data first if you want to keep it.
      </p>
      <Field
        label="Organization name"
        autoComplete="off"
        value={confirm}
        onChange={(event) => setConfirm(event.target.value)}
        hint={`Type ${organization.name} to confirm.`}
        error={fieldError(erase.error, 'confirm')}
      />
      <ErrorMessage error={erase.error} />
      <button type="submit" className="danger" disabled={confirm.trim() !== organization.name || erase.isPending} aria-busy={erase.isPending}>
        Delete organization
      </button>
    </form>
  );
}
