import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import type { IConstruct } from 'constructs';
import type { RouteFunction } from '../../lib/constructs/route-function';
import { DevInsightsStack, type DevInsightsStackProps } from '../../lib/devinsights-stack';
import { WEB_APP_PLACEHOLDER } from '../../lib/web-app-assets';
import type { SecretName } from '../../src/config';
import type { Capability, CognitoAdminAction, RouteDefinition } from '../../src/routes';

/**
 * Every App of a CDK test file synthesizes into one folder, removed after the
 * file's tests: left to itself the CDK makes a new `cdk.out*` folder in the
 * temp directory per synth and never removes it (a whole suite left about 40
 * of them, bundles included). Registered here, at import, so it belongs to
 * each file that imports these helpers (vitest isolates files).
 */
const SYNTH_ROOT = mkdtempSync(join(tmpdir(), 'devinsights-cdk-'));
afterAll(() => rmSync(SYNTH_ROOT, { recursive: true, force: true }));

export function testApp(props: ConstructorParameters<typeof App>[0] = {}): App {
  return new App({ ...props, outdir: mkdtempSync(join(SYNTH_ROOT, 'out-')) });
}

export const PROPS: DevInsightsStackProps = {
  mailFrom: 'DevInsights <no-reply@mail.example.com>',
  appUrl: 'https://app.example.com',
  // The template is under test, not the app: no build needed, whatever state web/ is in.
  webAppDir: WEB_APP_PLACEHOLDER,
  // Every secret configured, so every `secret:*` capability has something to grant.
  githubApp: { id: 4242, slug: 'devinsights', clientId: 'Iv1.0123456789abcdef' },
  languageModel: { baseUrl: 'https://llm.example.com/v1', model: 'a-model', apiKeySecretName: 'devinsights/model-key' },
};

/** Template resources as plain JSON: `any` because tests read arbitrary nested CloudFormation properties. */
export type Resources = Record<string, { Properties: Record<string, any> }>;

export interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** A stack that skips bundling: for tests about the route-to-resource logic only (no jobs unless `props` names some). */
export function unbundledTemplate(routeTable: readonly RouteDefinition[], props: DevInsightsStackProps = PROPS): Template {
  const app = testApp({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new DevInsightsStack(app, 'Unbundled', { jobs: [], ...props, routes: routeTable }));
}

export const logicalIdOf = (stack: Stack, construct: IConstruct): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

/** Every policy statement attached to a function's role. */
export function statementsOf(template: Template, stack: Stack, fn: RouteFunction): Statement[] {
  if (!fn.role) throw new Error(`${fn.handlerModule} has no role`);
  const roleId = logicalIdOf(stack, fn.role);
  return Object.values(template.findResources('AWS::IAM::Policy') as Resources)
    .filter((policy) => JSON.stringify(policy.Properties['Roles']).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties['PolicyDocument'].Statement as Statement[]);
}

export const actionsOfStatement = (statement: Statement | undefined): string[] =>
  statement ? [statement.Action].flat() : [];

/**
 * What a function's statements let it do, in route-table words. `secrets`
 * says which secret each `secret:*` capability names, as its grant's Resource;
 * `queues` each queue job's queue; `scheduleGroups` each job's schedule group name.
 */
export function capabilitiesIn(
  statements: readonly Statement[],
  secrets: Readonly<Record<SecretName, unknown>>,
  queues: Readonly<Record<string, unknown>> = {},
  scheduleGroups: Readonly<Record<string, string>> = {},
): Capability[] {
  const actions = statements.flatMap(actionsOfStatement);
  const granted: Capability[] = [];
  if (actions.includes('dynamodb:GetItem')) granted.push('table:read');
  if (actions.includes('dynamodb:PutItem')) granted.push('table:write');
  for (const action of actions.filter((a) => a.startsWith('cognito-idp:'))) {
    granted.push(`cognito:${action.slice('cognito-idp:'.length) as CognitoAdminAction}`);
  }
  if (actions.some((action) => action.startsWith('ses:'))) granted.push('email:send');
  const read = statements.filter((statement) => actionsOfStatement(statement).includes('secretsmanager:GetSecretValue'));
  for (const [name, resource] of Object.entries(secrets) as [SecretName, unknown][]) {
    if (read.some((statement) => JSON.stringify(statement.Resource) === JSON.stringify(resource))) granted.push(`secret:${name}`);
  }
  const sends = statements.filter((statement) => actionsOfStatement(statement).includes('sqs:SendMessage'));
  for (const [name, resource] of Object.entries(queues)) {
    if (sends.some((statement) => JSON.stringify(statement.Resource) === JSON.stringify(resource))) granted.push(`queue:send:${name}`);
  }
  const schedules = statements.filter((statement) => actionsOfStatement(statement).includes('scheduler:CreateSchedule'));
  for (const [name, group] of Object.entries(scheduleGroups)) {
    if (schedules.some((statement) => JSON.stringify(statement.Resource).includes(`:schedule/${group}/*`))) granted.push(`schedule:${name}`);
  }
  return granted;
}

/**
 * Synthesizes the stack with bundling and answers each function's bundle
 * folder, by route key (`POST /auth/login`) or, for the 405 function, its
 * description.
 */
export function synthesizedBundleDirs(props: DevInsightsStackProps = PROPS): Map<string, string> {
  const app = testApp();
  const stack = new DevInsightsStack(app, 'DevInsights', props);
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template as {
    Resources: Record<string, { Type: string; Properties: { Description?: string; Code?: { S3Key?: string } } }>;
  };
  const dirs = new Map<string, string>();
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const key = resource.Properties.Description?.split(':')[0] ?? '';
    const hash = resource.Properties.Code?.S3Key?.replace(/\.zip$/, '') ?? '';
    dirs.set(key, join(assembly.directory, `asset.${hash}`));
  }
  return dirs;
}

/** Every API method with its full resource path (`/auth/signup`), read off the template's parent links. */
export function methodsByPath(template: Template): { httpMethod: string; path: string; integration: string }[] {
  const resources = template.findResources('AWS::ApiGateway::Resource') as Resources;
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    const resource = id ? resources[id] : undefined;
    return resource ? `${pathOf(resource.Properties['ParentId'])}/${resource.Properties['PathPart']}` : '';
  };
  return Object.values(template.findResources('AWS::ApiGateway::Method') as Resources).map((method) => ({
    httpMethod: method.Properties['HttpMethod'],
    path: pathOf(method.Properties['ResourceId']) || '/',
    integration: JSON.stringify(method.Properties['Integration']),
  }));
}
