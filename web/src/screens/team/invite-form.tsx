import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Role } from '../../api/types';
import { ErrorMessage, Field, fieldError, SelectField, SubmitButton } from '../../components/form';
import { useRefreshTeam } from './queries';
import { ROLE_OPTIONS } from './role-options';

interface Row {
  readonly key: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly githubUsername: string;
}

let nextKey = 0;
const emptyRow = (): Row => ({ key: nextKey++, email: '', name: '', role: 'member', githubUsername: '' });

/** Invites up to 50 people at once (the API's limit); each address gets its own answer. */
export function InviteForm() {
  const refreshTeam = useRefreshTeam();
  const [rows, setRows] = useState<readonly Row[]>(() => [emptyRow()]);
  const update = (key: number, change: Partial<Row>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const invite = useMutation({
    mutationFn: (people: readonly Row[]) =>
      unwrap(
        api().POST('/team/invite', {
          body: {
            invitations: people.map(({ email, name, role, githubUsername }) => ({
              email: email.trim(),
              name: name.trim(),
              role,
              ...(githubUsername.trim() ? { githubUsername: githubUsername.trim() } : {}),
            })),
          },
        }),
      ),
    onSuccess: (outcome, people) => {
      // Rows whose invitation went stay out; the failed ones stay for another try.
      const failed = new Set(outcome.results.filter((result) => result.status === 'failed').map((result) => result.email.toLowerCase()));
      const left = people.filter((row) => failed.has(row.email.trim().toLowerCase()));
      setRows(left.length > 0 ? left : [emptyRow()]);
      return refreshTeam();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(rows);
  };
  const planLimit = invite.error instanceof ApiError && invite.error.code === 'PLAN_LIMIT_EXCEEDED';
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite people</h2>
      <p className="muted">Each person gets an email with a link valid for 24 hours. Members are the engineers analysed; viewers read reports.</p>
      <form onSubmit={submit} noValidate>
        {rows.map((row, index) => (
          <fieldset key={row.key} className="invite-row">
            <legend>Person {index + 1}</legend>
            <Field label="Email" type="email" autoComplete="off" required value={row.email} onChange={(event) => update(row.key, { email: event.target.value })} error={fieldError(invite.error, `invitations.${index}.email`)} />
            <Field label="Name" required value={row.name} onChange={(event) => update(row.key, { name: event.target.value })} error={fieldError(invite.error, `invitations.${index}.name`)} />
            <SelectField label="Role" options={ROLE_OPTIONS} value={row.role} onValueChange={(role) => update(row.key, { role })} />
            <Field
              label="GitHub username (optional)"
              value={row.githubUsername}
              onChange={(event) => update(row.key, { githubUsername: event.target.value })}
              hint="Matches the person to their GitHub activity."
              error={fieldError(invite.error, `invitations.${index}.githubUsername`)}
            />
            {rows.length > 1 ? (
              <button type="button" className="link" onClick={() => setRows(rows.filter((other) => other.key !== row.key))}>
                Remove person {index + 1} from this list
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="toolbar">
          {rows.length < 50 ? (
            <button type="button" onClick={() => setRows([...rows, emptyRow()])}>
              Add another person
            </button>
          ) : null}
          <SubmitButton busy={invite.isPending} busyLabel="Sending invitations…">
            Invite
          </SubmitButton>
        </div>
        <ErrorMessage error={invite.error} />
        {planLimit ? (
          <p>
            <Link to="/settings#plan">Change the plan in Settings</Link> to make room for more members.
          </p>
        ) : null}
      </form>
      {invite.data ? (
        <div role="status">
          <p>{invite.data.message}.</p>
          <ul>
            {invite.data.results.map((result) => (
              <li key={result.email} className={result.status === 'sent' ? 'good' : 'bad'}>
                {result.email}: {result.status === 'sent' ? 'invitation sent' : `not sent (${result.reason ?? 'no reason given'})`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
