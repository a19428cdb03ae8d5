import type { DatasetDeployment } from './dataset';
import { type IdAllocator, nodeId } from './identity';
import type { Account, Deployment, DeploymentStatus, Repository } from './model';

/**
 * The dataset's deployments (v1.1) as the store serves them: ids derived
 * where the file gives none, times shifted, statuses newest first and the
 * deployments of each repository newest first, GitHub's order for both.
 */
export interface DeploymentParts {
  readonly ids: IdAllocator;
  readonly at: (value: string) => number;
  readonly account: (login: string) => Account;
  readonly repository: (fullName: string) => Repository;
}

const newestFirst = <T extends { readonly createdAt: number; readonly id: number }>(a: T, b: T) => b.createdAt - a.createdAt || b.id - a.id;

export function buildDeployments(entries: readonly DatasetDeployment[], parts: DeploymentParts): Map<string, Deployment[]> {
  const byRepo = new Map<string, Deployment[]>();
  for (const entry of entries) {
    const repo = parts.repository(entry.repo);
    // Keyed by the place among the repository's own deployments, so a part built apart (organization-copies.ts) derives the ids a rebuild would.
    const key = `${repo.key}:${byRepo.get(repo.key)?.length ?? 0}`;
    const id = parts.ids.allocate('deployment', key, entry.id);
    const createdAt = parts.at(entry.createdAt);
    const creator = entry.creator ? parts.account(entry.creator) : null;
    const statuses: DeploymentStatus[] = entry.statuses.map((status, position) => {
      const statusId = parts.ids.allocate('deploymentStatus', `${key}:${position}`, status.id);
      return {
        id: statusId, nodeId: nodeId('DeploymentStatus', statusId), state: status.state,
        creator: status.creator ? parts.account(status.creator) : creator, description: status.description,
        createdAt: status.createdAt ? parts.at(status.createdAt) : createdAt,
      };
    });
    statuses.sort(newestFirst);
    const deployment: Deployment = {
      source: entry, repo, id, nodeId: nodeId('Deployment', id), sha: entry.sha.toLowerCase(), ref: entry.ref ?? repo.defaultBranch, task: entry.task,
      environment: entry.environment, description: entry.description ?? null, creator, createdAt,
      updatedAt: Math.max(createdAt, ...statuses.map((status) => status.createdAt)), statuses,
    };
    const list = byRepo.get(repo.key) ?? [];
    list.push(deployment);
    byRepo.set(repo.key, list);
  }
  for (const list of byRepo.values()) list.sort(newestFirst);
  return byRepo;
}
