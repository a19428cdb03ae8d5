import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { ErrorMessage } from '../../components/form';
import { DeleteOrganization } from './delete-organization';
import { ExportData } from './export-data';
import { PlanForm } from './plan-form';
import { PrivacyForm } from './privacy-form';
import { organizationQuery } from './queries';

export function SettingsScreen() {
  const current = useSession();
  const isAdmin = current?.user.role === 'admin';
  const organization = useQuery({ ...organizationQuery, enabled: isAdmin });
  if (!isAdmin) {
    return (
      <>
        <h1>Settings</h1>
        <p role="alert">Only admins change the organization&apos;s settings.</p>
      </>
    );
  }
  return (
    <div className="stack">
      <h1>Settings</h1>
      {organization.isPending ? <p role="status">Loading the organization…</p> : null}
      <ErrorMessage error={organization.error} />
      {organization.data ? (
        <>
          <PrivacyForm settings={organization.data.settings} />
          <PlanForm organization={organization.data} />
          <ExportData organization={organization.data} />
          <DeleteOrganization organization={organization.data} />
        </>
      ) : null}
    </div>
  );
}
