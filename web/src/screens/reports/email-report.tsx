import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/form';
import { membersQuery } from '../../api/queries';

/** Admins email the PDF to members of the organization; each recipient's copy names only whom the least privileged of them may see. */
export function EmailReport({ reportId }: { reportId: string }) {
  const members = useQuery(membersQuery);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const email = useMutation({
    mutationFn: (to: readonly string[]) => unwrap(api().POST('/reports/{reportId}/email', { params: { path: { reportId } }, body: { to: [...to] } })),
  });
  const toggle = (address: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(address);
    else next.delete(address);
    setChosen(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    email.mutate([...chosen]);
  };
  const items = members.data?.items ?? [];
  return (
    <form onSubmit={submit} aria-labelledby="email-title">
      <h3 id="email-title">Email this report</h3>
      {members.isPending ? <p role="status">Loading the members…</p> : null}
      <ErrorMessage error={members.error} />
      <fieldset>
        <legend>Send the PDF to</legend>
        {items.map((member) => (
          <div className="check" key={member.userId}>
            <input id={`email-to-${member.userId}`} type="checkbox" checked={chosen.has(member.email)} onChange={(event) => toggle(member.email, event.target.checked)} />
            <label htmlFor={`email-to-${member.userId}`}>
              {member.name} &lt;{member.email}&gt; <span className="badge">{member.role}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <ErrorMessage error={email.error} />
      {email.data ? (
        <p role="status">
          The report is on its way to {email.data.sent} {email.data.sent === 1 ? 'person' : 'people'}.
        </p>
      ) : null}
      {chosen.size === 0 ? <p className="hint">Choose at least one person.</p> : null}
      <button type="submit" className="primary" disabled={chosen.size === 0 || email.isPending} aria-busy={email.isPending}>
        {email.isPending ? 'Sending…' : 'Email report'}
      </button>
    </form>
  );
}
