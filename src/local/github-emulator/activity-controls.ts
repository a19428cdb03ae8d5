import * as z from 'zod';
import type { AppSide } from './app-routes';
import type { ControlAnswer } from './app-controls';
import type { Installation } from './installations';
import type { LiveDataset } from './live';
import { NewDeployment, NewDeploymentStatus, NewReview } from './live-inputs';
import type { Repository } from './model';
import type { Urls } from './render-accounts';
import { deploymentEvent, deploymentStatusEvent, pullRequestReviewEvent } from './render-events';

/**
 * Controls that add deployments, deployment statuses and reviews at run
 * time and deliver the matching webhooks (with `controls` and `app` only):
 *
 * - `POST /_emulator/deployments` `{repo, sha?, ref?, environment?, creator?, createdAt?, statuses?: [{state, createdAt?}]}` → 201 `{id, deliveries}`
 * - `POST /_emulator/deployments/{id}/statuses` `{state, createdAt?}` → 201 `{id, deliveries}`
 * - `POST /_emulator/reviews` `{repo, number, reviewer, state, body?, submittedAt?}` → 201 `{id, deliveries}`
 *
 * Each event goes to every installation (not suspended) covering the
 * repository, and only when the app subscribes to it, as GitHub sends only
 * the events an app asked for.
 */
interface Parts {
  readonly side: AppSide;
  readonly live: LiveDataset;
  readonly urls: Urls;
  readonly now: number;
}

function invalid(error: z.ZodError): ControlAnswer {
  return { status: 400, body: { message: 'Invalid request', errors: error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) } };
}

/** Delivers `event` with the payload `build` makes for each installation; the deliveries' ids. */
function deliverToInstallations(side: AppSide, repo: Repository, event: string, build: (installed: Installation) => Record<string, unknown>): string[] {
  if (!side.app.events.includes(event)) return [];
  return side.installations.all()
    .filter((entry) => entry.suspendedAt === null && side.installations.covers(entry, repo))
    .flatMap((entry) => side.webhooks.deliver(event, build(entry))?.id ?? []);
}

function addDeployment(body: unknown, { side, live, urls, now }: Parts): ControlAnswer {
  const parsed = NewDeployment.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const added = live.addDeployment(parsed.data, now);
  if (!added) return { status: 404, body: { message: `No repository ${parsed.data.repo}` } };
  // Statuses in the order they happened, each after the deployment itself.
  const statuses = [...added.statuses].reverse();
  const deliveries = [
    ...deliverToInstallations(side, added.repo, 'deployment', (installed) => deploymentEvent(added, installed, urls)),
    ...statuses.flatMap((status) => deliverToInstallations(side, added.repo, 'deployment_status', (installed) => deploymentStatusEvent(added, status, installed, urls))),
  ];
  return { status: 201, body: { id: added.id, deliveries } };
}

function addDeploymentStatus(id: number, body: unknown, { side, live, urls, now }: Parts): ControlAnswer {
  const parsed = NewDeploymentStatus.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const added = live.addDeploymentStatus(id, parsed.data, now);
  if (!added) return { status: 404, body: { message: 'No such deployment' } };
  const { deployment, status } = added;
  const deliveries = deliverToInstallations(side, deployment.repo, 'deployment_status', (installed) => deploymentStatusEvent(deployment, status, installed, urls));
  return { status: 201, body: { id: status.id, deliveries } };
}

function addReview(body: unknown, { side, live, urls, now }: Parts): ControlAnswer {
  const parsed = NewReview.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const added = live.addReview(parsed.data, now);
  if (!added) return { status: 404, body: { message: `No pull request ${parsed.data.number} in ${parsed.data.repo}` } };
  const { pull, review } = added;
  const deliveries = deliverToInstallations(side, pull.repo, 'pull_request_review', (installed) => pullRequestReviewEvent(live.store, pull, review, installed, urls));
  return { status: 201, body: { id: review.id, deliveries } };
}

export function handleActivityControl(route: string, body: unknown, parts: Parts): ControlAnswer | undefined {
  if (route === 'POST /_emulator/deployments') return addDeployment(body, parts);
  if (route === 'POST /_emulator/reviews') return addReview(body, parts);
  const status = /^POST \/_emulator\/deployments\/(\d+)\/statuses$/.exec(route);
  if (status) return addDeploymentStatus(Number(status[1]), body, parts);
  return undefined;
}
