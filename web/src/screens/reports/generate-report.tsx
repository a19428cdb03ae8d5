import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useSession } from '../../api/session';
import { ErrorMessage, SubmitButton } from '../../components/form';

const OPTIONS = [
  { key: 'includeGraphs', label: 'Include the charts’ figures', hint: 'Code quality bands, burnout levels and commits per week.' },
  { key: 'includeIndividuals', label: 'Name individuals', hint: 'Top performer, who needs support and burnout risks, as far as each reader may see them. Viewers never see names.' },
  { key: 'confidential', label: 'Mark as confidential', hint: 'The PDF says so on every page.' },
] as const;

type Choices = Record<(typeof OPTIONS)[number]['key'], boolean>;

export function GenerateReport() {
  const current = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<Choices>({ includeGraphs: true, includeIndividuals: false, confidential: true });
  const generate = useMutation({
    mutationFn: () =>
      unwrap(
        api().POST('/ai/generate-report/{organizationId}', {
          params: { path: { organizationId: current?.user.organizationId ?? '' } },
          body: { reportType: 'executive', ...choices },
        }),
      ),
    onSuccess: async (answer) => {
      if (!('reportId' in answer)) return;
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${encodeURIComponent(answer.reportId)}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate();
  };
  const syncing = generate.data && 'status' in generate.data ? generate.data : undefined;
  const notConnected = generate.error instanceof ApiError && generate.error.code === 'GITHUB_NOT_CONNECTED';
  return (
    <form className="card" onSubmit={submit} aria-labelledby="generate-title">
      <h2 id="generate-title">Generate an executive report</h2>
      <p className="muted">From the team’s synced GitHub activity of the last 90 days, for the CTO or the board, with a PDF to download or email.</p>
      {OPTIONS.map((option) => (
        <div className="check" key={option.key}>
          <input
            id={`report-${option.key}`}
            type="checkbox"
            checked={choices[option.key]}
            onChange={(event) => setChoices({ ...choices, [option.key]: event.target.checked })}
            aria-describedby={`report-${option.key}-hint`}
          />
          <div>
            <label htmlFor={`report-${option.key}`}>{option.label}</label>
            <br />
            <small id={`report-${option.key}-hint`} className="hint">
              {option.hint}
            </small>
          </div>
        </div>
      ))}
      <ErrorMessage error={generate.error} />
      {notConnected ? (
        <p>
          <Link to="/settings/github">Connect GitHub</Link> first: reports are made from the synced activity.
        </p>
      ) : null}
      {syncing ? (
        <p role="status">
          The first sync of your GitHub organization is still running ({syncing.sync.repositories.done} of {syncing.sync.repositories.total} repositories); a
          report can be made once it has finished. <Link to="/settings/github">See the sync’s progress</Link>.
        </p>
      ) : null}
      <SubmitButton busy={generate.isPending} busyLabel="Generating…">
        Generate report
      </SubmitButton>
    </form>
  );
}
