import type { Deployment } from './model';
import { paginate } from './pagination';
import { deployment, deploymentStatus } from './render-deployments';
import { DOCS, notFound, repositoryOf, type Answer, type Route, type RouteContext } from './route-support';

/**
 * `GET /repos/{owner}/{repo}/deployments` (filtered by `sha`, `ref`, `task`,
 * `environment`), one deployment, and its statuses: newest first and paged
 * like every list, under the repository's visibility rules.
 */
const FILTERS = { sha: (entry: Deployment) => entry.sha, ref: (entry: Deployment) => entry.ref, task: (entry: Deployment) => entry.task, environment: (entry: Deployment) => entry.environment };

function listDeployments(context: RouteContext): Answer {
  const repo = repositoryOf(context);
  const asked = Object.entries(FILTERS).flatMap(([name, field]) => {
    const value = context.query.get(name);
    return value === null || value === '' ? [] : [{ value, field }];
  });
  // GitHub compares `sha` in full and case-sensitively; dataset shas are lower-case already.
  const found = (context.store.deploymentsByRepo.get(repo.key) ?? []).filter((entry) => asked.every(({ value, field }) => field(entry) === value));
  const page = paginate(found, context.url);
  return { status: 200, body: page.items.map((entry) => deployment(entry, context.urls)), link: page.link };
}

function deploymentOf(context: RouteContext): Deployment {
  const repo = repositoryOf(context);
  const id = Number(context.params['deployment_id']);
  const found = Number.isInteger(id) ? context.store.deploymentById.get(repo.key)?.get(id) : undefined;
  if (!found) throw notFound();
  return found;
}

export const deploymentRoutes: readonly Route[] = [
  { path: '/repos/{owner}/{repo}/deployments', docs: `${DOCS}/deployments/deployments#list-deployments`, handle: listDeployments },
  {
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}',
    docs: `${DOCS}/deployments/deployments#get-a-deployment`,
    handle: (context) => ({ status: 200, body: deployment(deploymentOf(context), context.urls) }),
  },
  {
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    docs: `${DOCS}/deployments/statuses#list-deployment-statuses`,
    handle: (context) => {
      const found = deploymentOf(context);
      const page = paginate(found.statuses, context.url);
      return { status: 200, body: page.items.map((status) => deploymentStatus(found, status, context.urls)), link: page.link };
    },
  },
];
