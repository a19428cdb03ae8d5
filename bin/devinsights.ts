import { Annotations, App } from 'aws-cdk-lib';
import { DevInsightsStack } from '../lib/devinsights-stack';
import { webAppAssets } from '../lib/web-app-assets';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

const app = new App();

/** A CDK context value (`cdk synth -c name=value` or cdk.json), or the fallback. */
function contextString(name: string, fallback: string): string;
function contextString(name: string): string | undefined;
function contextString(name: string, fallback?: string): string | undefined {
  const value: unknown = app.node.tryGetContext(name);
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string') throw new Error(`Context '${name}' must be a string`);
  return value;
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

const logLevel = contextString('logLevel', 'info');
if (!isLogLevel(logLevel)) throw new Error(`Context 'logLevel' must be one of ${LOG_LEVELS.join(', ')}`);

const stage = contextString('stage');
const aiBaseUrl = contextString('aiBaseUrl');
const aiModel = contextString('aiModel');
const aiApiKeySecretName = contextString('aiApiKeySecret');
const githubApiUrl = contextString('githubApiUrl');
const githubAppId = contextString('githubAppId');
const githubAppSlug = contextString('githubAppSlug');
const githubAppClientId = contextString('githubAppClientId');
if ((githubAppId || githubAppSlug || githubAppClientId) && !(githubAppId && githubAppSlug && githubAppClientId)) {
  throw new Error("Contexts 'githubAppId', 'githubAppSlug' and 'githubAppClientId' go together");
}
if (githubAppId && !/^[1-9]\d*$/.test(githubAppId)) throw new Error("Context 'githubAppId' must be a positive integer");
const createApiLogRole = contextString('createApiLogRole', 'true');
if (createApiLogRole !== 'true' && createApiLogRole !== 'false') throw new Error("Context 'createApiLogRole' must be true or false");

const appUrl = contextString('appUrl');
const webApp = webAppAssets();
const stack = new DevInsightsStack(app, stage ? `DevInsights-${stage}` : 'DevInsights', {
  description: 'DevInsights: engineering-team analytics from GitHub activity',
  mailFrom: contextString('mailFrom', 'no-reply@example.com'),
  ...(appUrl ? { appUrl } : {}),
  webAppDir: webApp.dir,
  logLevel,
  stage,
  createApiLogRole: createApiLogRole === 'true',
  ...(githubApiUrl ? { githubApiUrl } : {}),
  ...(githubAppId && githubAppSlug && githubAppClientId ? { githubApp: { id: Number(githubAppId), slug: githubAppSlug, clientId: githubAppClientId } } : {}),
  ...(aiBaseUrl && aiModel
    ? { languageModel: { baseUrl: aiBaseUrl, model: aiModel, ...(aiApiKeySecretName ? { apiKeySecretName: aiApiKeySecretName } : {}) } }
    : {}),
  tags: { project: 'devinsights', ...(stage ? { stage } : {}) },
});
if (webApp.placeholderReason) Annotations.of(stack).addWarning(webApp.placeholderReason);
