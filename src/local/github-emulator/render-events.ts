import type { Installation } from './installations';
import type { Account, Deployment, DeploymentStatus, PullRequest, Repository, Review, Store } from './model';
import { repository, simpleUser, type Urls } from './render-accounts';
import { pullSimple, review } from './render-activity';
import { installationRef } from './render-app';
import { deployment, deploymentStatus } from './render-deployments';

/**
 * Payloads of the `deployment`, `deployment_status` and
 * `pull_request_review` webhook events (their `webhook-…` schemas in
 * @octokit/openapi-types): the REST shapes of the things, plus
 * `repository`, `organization` (for an organization's repository),
 * `installation` and `sender`.
 */
function around(repo: Repository, installed: Installation, sender: Account, urls: Urls) {
  return {
    repository: repository(repo, urls),
    ...(repo.owner.type === 'Organization' ? { organization: simpleUser(repo.owner, urls) } : {}),
    installation: installationRef(installed),
    sender: simpleUser(sender, urls),
  };
}

const senderOf = (entry: Deployment, status?: DeploymentStatus) => status?.creator ?? entry.creator ?? entry.repo.owner;

/** `workflow` and `workflow_run` are required and null for a deployment no Actions workflow made. */
export function deploymentEvent(entry: Deployment, installed: Installation, urls: Urls) {
  return { action: 'created', deployment: deployment(entry, urls), workflow: null, workflow_run: null, ...around(entry.repo, installed, senderOf(entry), urls) };
}

export function deploymentStatusEvent(entry: Deployment, status: DeploymentStatus, installed: Installation, urls: Urls) {
  return {
    action: 'created',
    deployment_status: deploymentStatus(entry, status, urls),
    deployment: deployment(entry, urls),
    ...around(entry.repo, installed, senderOf(entry, status), urls),
  };
}

/** The review's `state` is lower-case in webhooks (`approved`), unlike the REST API's `APPROVED`. */
export function pullRequestReviewEvent(store: Store, pull: PullRequest, entry: Review, installed: Installation, urls: Urls) {
  const rendered = review(store, pull, entry, urls);
  return {
    action: 'submitted',
    review: { ...rendered, state: entry.state.toLowerCase() },
    pull_request: pullSimple(store, pull, urls),
    ...around(pull.repo, installed, entry.reviewer, urls),
  };
}
