import { isoTime } from '../identity';
import type { Deployment, DeploymentState, DeploymentStatus, Repository, Store } from '../model';
import { connection, keyCursors, type Connection, type PageArgs } from './connection';

/**
 * Deployments and their statuses in GitHub's GraphQL shape: the
 * repository's `deployments` connection (oldest first unless `orderBy` says
 * otherwise, narrowed by `environments`) and the fields GraphQL names apart
 * from REST (`commitOid`, upper-case states, `latestStatus`).
 */
export interface DeploymentStatusNode {
  readonly kind: 'deployment-status';
  readonly status: DeploymentStatus;
  readonly deployment: Deployment;
}

/** GraphQL's `Int` is 32 bits; a larger id has no `databaseId` there (GitHub moved those to `fullDatabaseId`). */
export const int32OrNull = (id: number) => (id <= 2 ** 31 - 1 ? id : null);

/** A deployment's state is its latest status's, `success` shown as `ACTIVE`; with none yet it is `PENDING`. */
const DEPLOYMENT_STATE: Readonly<Record<DeploymentState, string>> = {
  success: 'ACTIVE', failure: 'FAILURE', error: 'ERROR', in_progress: 'IN_PROGRESS', queued: 'QUEUED', pending: 'PENDING', inactive: 'INACTIVE',
};

const statusNode = (deployment: Deployment, status: DeploymentStatus): DeploymentStatusNode => ({ kind: 'deployment-status', status, deployment });

interface DeploymentArgs extends PageArgs {
  readonly environments?: readonly string[] | null;
  readonly orderBy?: { readonly field: 'CREATED_AT'; readonly direction: 'ASC' | 'DESC' } | null;
}

export function deployments(store: Store, repo: Repository, args: DeploymentArgs): Connection<Deployment> {
  const environments = args.environments;
  const newestFirst = (store.deploymentsByRepo.get(repo.key) ?? []).filter((entry) => !environments || environments.length === 0 || environments.includes(entry.environment));
  const ordered = args.orderBy?.direction === 'DESC' ? newestFirst : [...newestFirst].reverse();
  return connection(ordered, args, keyCursors((entry: Deployment) => entry.id));
}

/** Every deployment and status by node id, for `node(id:)`. */
export function* deploymentNodes(store: Store): Generator<readonly [string, Deployment | DeploymentStatusNode]> {
  for (const list of store.deploymentsByRepo.values()) {
    for (const deployment of list) {
      yield [deployment.nodeId, deployment];
      for (const status of deployment.statuses) yield [status.nodeId, statusNode(deployment, status)];
    }
  }
}

export const DEPLOYMENT_RESOLVERS = {
  Deployment: {
    id: (entry: Deployment) => entry.nodeId,
    databaseId: (entry: Deployment) => int32OrNull(entry.id),
    commitOid: (entry: Deployment) => entry.sha,
    originalEnvironment: (entry: Deployment) => entry.environment,
    // GitHub always knows who deployed; a dataset may not say, and then it is the repository's owner.
    creator: (entry: Deployment) => entry.creator ?? entry.repo.owner,
    createdAt: (entry: Deployment) => isoTime(entry.createdAt),
    updatedAt: (entry: Deployment) => isoTime(entry.updatedAt),
    state: (entry: Deployment) => {
      const [latest] = entry.statuses;
      return latest ? DEPLOYMENT_STATE[latest.state] : 'PENDING';
    },
    latestStatus: (entry: Deployment) => {
      const [latest] = entry.statuses;
      return latest ? statusNode(entry, latest) : null;
    },
    statuses: (entry: Deployment, args: PageArgs) =>
      connection(entry.statuses.map((status) => statusNode(entry, status)), args, keyCursors((node: DeploymentStatusNode) => node.status.id)),
  },
  DeploymentStatus: {
    id: (node: DeploymentStatusNode) => node.status.nodeId,
    state: (node: DeploymentStatusNode) => node.status.state.toUpperCase(),
    creator: (node: DeploymentStatusNode) => node.status.creator ?? node.deployment.creator ?? node.deployment.repo.owner,
    description: (node: DeploymentStatusNode) => node.status.description,
    createdAt: (node: DeploymentStatusNode) => isoTime(node.status.createdAt),
    updatedAt: (node: DeploymentStatusNode) => isoTime(node.status.createdAt),
  },
};
