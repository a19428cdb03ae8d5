import { useQuery } from '@tanstack/react-query';
import { AdminOnly } from '../../components/admin-only';
import { ErrorMessage } from '../../components/form';
import { DeleteOrganization } from './delete-organization';
import { ExportData } from './export-data';
import { PlanForm } from './plan-form';
import { PrivacyForm } from './privacy-form';
import { organizationQuery } from '../../api/queries';

export function SettingsScreen() {
  return (
    <AdminOnly title="Settings" refusal="Only admins change the organization's settings.">
      <Settings />
    </AdminOnly>
  );
}

function Settings() {
  const organization = useQuery(organizationQuery);
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
