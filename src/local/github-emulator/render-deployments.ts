import { isoTime } from './identity';
import type { Deployment, DeploymentStatus } from './model';
import { simpleUser, type Urls } from './render-accounts';

/**
 * Deployments in GitHub's JSON: the `deployment` and `deployment-status`
 * schemas of @octokit/openapi-types (GitHub's REST description). The
 * dataset has no payloads, target or log URLs, and no app creates them:
 * `payload` {}, the URLs '' and `performed_via_github_app` null, as GitHub
 * answers for a deployment made with a personal token and no such fields.
 */
function deploymentUrl(entry: Deployment, { api }: Urls): string {
  return `${api}/repos/${entry.repo.owner.login}/${entry.repo.name}/deployments/${entry.id}`;
}

export function deployment(entry: Deployment, urls: Urls) {
  const url = deploymentUrl(entry, urls);
  return {
    url,
    id: entry.id,
    node_id: entry.nodeId,
    sha: entry.sha,
    ref: entry.ref,
    task: entry.task,
    payload: {},
    original_environment: entry.environment,
    environment: entry.environment,
    description: entry.description,
    creator: entry.creator ? simpleUser(entry.creator, urls) : null,
    created_at: isoTime(entry.createdAt),
    updated_at: isoTime(entry.updatedAt),
    statuses_url: `${url}/statuses`,
    repository_url: `${urls.api}/repos/${entry.repo.owner.login}/${entry.repo.name}`,
    transient_environment: false,
    // GitHub's default when the deployment is made: true for `production`, else false.
    production_environment: entry.environment === 'production',
    performed_via_github_app: null,
  };
}

export function deploymentStatus(entry: Deployment, status: DeploymentStatus, urls: Urls) {
  const url = deploymentUrl(entry, urls);
  return {
    url: `${url}/statuses/${status.id}`,
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    creator: status.creator ? simpleUser(status.creator, urls) : null,
    description: status.description,
    environment: entry.environment,
    target_url: '',
    created_at: isoTime(status.createdAt),
    updated_at: isoTime(status.createdAt),
    deployment_url: url,
    repository_url: `${urls.api}/repos/${entry.repo.owner.login}/${entry.repo.name}`,
    environment_url: '',
    log_url: '',
    performed_via_github_app: null,
  };
}
