import { appDataset } from './app-fixture';

/** The app's dataset with deployments (v1.1): three of acme/app (production, staging, production) and one of the private globex/vault. */
export const SHA = 'a'.repeat(40);
export const OTHER_SHA = 'b'.repeat(40);

export function deploymentsDataset() {
  return {
    ...appDataset(),
    deployments: [
      {
        repo: 'acme/app', id: 9001, sha: SHA, environment: 'production', createdAt: '2025-03-01T10:00:00Z', creator: 'ann',
        statuses: [{ state: 'in_progress', createdAt: '2025-03-01T10:01:00Z' }, { state: 'success', createdAt: '2025-03-01T10:05:00Z' }],
      },
      { repo: 'acme/app', id: 9002, sha: OTHER_SHA, environment: 'staging', createdAt: '2025-03-02T10:00:00Z', creator: 'ben', statuses: [{ state: 'failure' }] },
      { repo: 'acme/app', id: 9003, sha: OTHER_SHA, environment: 'production', createdAt: '2025-03-03T10:00:00Z', creator: 'ben', statuses: [] },
      { repo: 'globex/vault', id: 9100, sha: SHA, createdAt: '2025-03-02T10:00:00Z', creator: 'gus', statuses: [{ state: 'success' }] },
    ],
  };
}
