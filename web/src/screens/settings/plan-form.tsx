import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import type { Organization, Plan } from '../../api/types';
import { ErrorMessage, SelectField, SubmitButton } from '../../components/form';

const PLANS: readonly { value: Plan; label: string }[] = [
  { value: 'free', label: 'Free: up to 10 members' },
  { value: 'pro', label: 'Pro: up to 100 members' },
  { value: 'enterprise', label: 'Enterprise: unlimited members' },
];

export function PlanForm({ organization }: { organization: Organization }) {
  const queryClient = useQueryClient();
  const [plan, setPlan] = useState<Plan>(organization.plan);
  const change = useMutation({
    mutationFn: () => unwrap(api().PUT('/organization/plan', { body: { plan } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const pending = organization.pendingInvitations ?? 0;
  return (
    <form id="plan" className="card" onSubmit={submit} aria-labelledby="plan-title">
      <h2 id="plan-title">Plan and members</h2>
      <p>
        <span className="stat">{organization.currentMembers}</span> of {organization.maxMembers ?? 'unlimited'} members used
        {pending > 0 ? `, and ${pending} invitation${pending === 1 ? '' : 's'} waiting for an answer (each holds a seat)` : ''}.
      </p>
      <SelectField label="Plan" options={PLANS} value={plan} onValueChange={setPlan} hint="No payment is taken in this version." />
      <ErrorMessage error={change.error} />
      {change.isSuccess ? <p role="status">The organization is now on the {plan} plan.</p> : null}
      <SubmitButton busy={change.isPending} busyLabel="Changing…">
        Change plan
      </SubmitButton>
    </form>
  );
}
