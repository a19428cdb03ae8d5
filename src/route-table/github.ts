import { TABLE_RW, type RouteDefinition } from '../route-definition';
import { GithubCallbackQuery, GithubConnected, GithubConnection, GithubInstallLink, WebhookAccepted } from '../schemas/integrations';
import { SyncStatus } from '../schemas/sync';

/** GitHub: the App connection, its webhooks, and the organization sync. Part of THE route table, src/routes.ts. */
export const githubRoutes = [
  {
    method: 'POST',
    path: '/webhooks/github',
    handler: 'webhooks/receive-github',
    access: 'public',
    summary: "GitHub's webhook deliveries to the GitHub App, authenticated by X-Hub-Signature-256; recorded once per X-GitHub-Delivery",
    // An installation deleted or suspended also deletes its organization's daily schedule.
    uses: [...TABLE_RW, 'secret:githubWebhook', 'queue:send:github-sync', 'schedule:github-sync'],
    // One conditional PutItem of the delivery; a redelivery's fails its condition and stores nothing.
    // An `installation` deleted/suspend also reads the installation's lookup and unbinds it (2 more);
    // activity in a repository reads that lookup and claims the debounce marker (2 more).
    dynamodbBudget: 3,
    rawBody: true,
    response: WebhookAccepted,
  },
  {
    method: 'POST',
    path: '/integrations/github/connect',
    handler: 'integrations/connect-github',
    access: ['admin'],
    summary: "GitHub's install page for the app, with a signed, single-use, ten-minute state bound to this organization and admin",
    uses: [...TABLE_RW, 'secret:app'],
    // The membership's GetItem, then one PutItem of the state.
    dynamodbBudget: 2,
    response: GithubInstallLink,
  },
  {
    method: 'GET',
    path: '/integrations/github/callback',
    handler: 'integrations/github-callback',
    access: 'public',
    summary: "GitHub's setup redirect: binds the installation to the state's organization once GitHub confirms the code's user can access it",
    uses: [...TABLE_RW, 'secret:app', 'secret:githubApp', 'queue:send:github-sync', 'schedule:github-sync'],
    // The state's conditional DeleteItem, the binding's one TransactWriteItems, then the first sync's GetItem and conditional PutItem,
    // and the organization's GetItem (its time zone) for the daily schedule.
    dynamodbBudget: 5,
    query: GithubCallbackQuery,
    response: GithubConnected,
  },
  {
    method: 'GET',
    path: '/integrations/github',
    handler: 'integrations/get-github',
    access: ['admin'],
    summary: "The organization's GitHub connection: account, repository selection, the installation's rate budget, last sync",
    uses: [...TABLE_RW, 'secret:githubApp'],
    // The membership's GetItem, then one BatchGetItem of the connection and the sync record.
    dynamodbBudget: 2,
    response: GithubConnection,
  },
  {
    method: 'POST',
    path: '/sync',
    handler: 'sync/start-sync',
    access: ['admin'],
    summary: "Start a sync of the organization's GitHub (202 with the sync; the one running, if one is)",
    uses: [...TABLE_RW, 'queue:send:github-sync'],
    // The membership's and the connection's GetItem, the sync record's GetItem and conditional PutItem.
    dynamodbBudget: 4,
    response: SyncStatus,
  },
  {
    method: 'GET',
    path: '/sync',
    handler: 'sync/get-sync',
    access: ['admin'],
    summary: "The organization's current or last GitHub sync: status, repositories done of total, requests, rate limit, last error",
    uses: TABLE_RW,
    // The membership's and the sync record's GetItem.
    dynamodbBudget: 2,
    response: SyncStatus,
  },
  {
    method: 'DELETE',
    path: '/integrations/github',
    handler: 'integrations/disconnect-github',
    access: ['admin'],
    summary: 'Disconnect GitHub: the installation is unbound and the daily sync unscheduled; stored activity is kept',
    uses: [...TABLE_RW, 'schedule:github-sync'],
    // The membership's and the connection's GetItem, then one TransactWriteItems.
    dynamodbBudget: 3,
  },
] as const satisfies readonly RouteDefinition[];
