import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorMessage, Field, SubmitButton } from '../../components/form';
import { membersQuery } from '../../api/queries';
import { emailReport, generateExecutiveReport } from './team-data';

/** The story's four buttons under Sarah's dashboard. */
export function TeamActions({ organizationId, firstEngineer }: { organizationId: string; firstEngineer: string | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [emailing, setEmailing] = useState<string | null>(null);
  const exportReport = useMutation({
    mutationFn: () => generateExecutiveReport(organizationId),
    onSuccess: ({ reportId }) => {
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${encodeURIComponent(reportId)}`);
    },
  });
  const prepareEmail = useMutation({
    mutationFn: () => generateExecutiveReport(organizationId),
    onSuccess: ({ reportId }) => {
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      setEmailing(reportId);
    },
  });
  const busy = exportReport.isPending || prepareEmail.isPending;
  return (
    <>
      <div className="toolbar" role="group" aria-label="Team actions">
        <button type="button" className="primary" disabled={busy} aria-busy={exportReport.isPending} onClick={() => exportReport.mutate()}>
          {exportReport.isPending ? 'Generating the report…' : 'Export report for CTO'}
        </button>
        <button type="button" disabled={busy} aria-busy={prepareEmail.isPending} onClick={() => prepareEmail.mutate()}>
          {prepareEmail.isPending ? 'Generating the report…' : 'Email team summary'}
        </button>
        <Link className="button" to={firstEngineer ? `/people/${encodeURIComponent(firstEngineer)}` : '#members-heading'}>
          View individual details
        </Link>
        <Link className="button" to="/team">
          Manage team
        </Link>
      </div>
      <ErrorMessage error={exportReport.error ?? prepareEmail.error} />
      {emailing ? <EmailSummaryDialog reportId={emailing} onClose={() => setEmailing(null)} /> : null}
    </>
  );
}

/** Choose which members get the report just generated, as a PDF attachment. */
function EmailSummaryDialog({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const members = useQuery(membersQuery);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const send = useMutation({ mutationFn: (to: readonly string[]) => emailReport(reportId, to) });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const toggle = (email: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(email);
      else next.delete(email);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate([...chosen]);
  };

  return (
    <dialog ref={dialog} className="card dialog" aria-labelledby="email-heading" onClose={onClose}>
      <h2 id="email-heading">Email team summary</h2>
      {send.isSuccess ? (
        <>
          <p role="status">
            The report is on its way to {chosen.size} {chosen.size === 1 ? 'person' : 'people'}, as a PDF attachment.
          </p>
          <button type="button" className="primary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </>
      ) : (
        <form onSubmit={submit}>
          <p>
            The executive report (team figures, no one named) is ready. <Link to={`/reports/${encodeURIComponent(reportId)}`}>Open it</Link>, or
            choose who gets it by email:
          </p>
          {members.isPending ? <p role="status">Loading the members…</p> : null}
          <ErrorMessage error={members.error} />
          <fieldset className="recipients">
            <legend>Recipients</legend>
            {members.data?.items.map((member) => (
              <Field
                key={member.userId}
                type="checkbox"
                label={`${member.name} <${member.email}> (${member.role})`}
                checked={chosen.has(member.email)}
                onChange={(event) => toggle(member.email, event.target.checked)}
              />
            ))}
          </fieldset>
          <ErrorMessage error={send.error} />
          <div className="toolbar">
            <SubmitButton busy={send.isPending} busyLabel="Sending…">
              Send email
            </SubmitButton>
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
          {chosen.size === 0 ? <p className="muted">Choose at least one recipient.</p> : null}
        </form>
      )}
    </dialog>
  );
}
