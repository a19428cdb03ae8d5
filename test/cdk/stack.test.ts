import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WAF_REQUESTS_PER_IP, WAF_WINDOW_SECONDS } from '../../lib/constructs/api-firewall';
import { SECRET_ID_VARIABLES } from '../../lib/constructs/app-secrets';
import { METHOD_NOT_ALLOWED_HANDLER } from '../../lib/constructs/rest-api';
import type { RouteFunction } from '../../lib/constructs/route-function';
import { DevInsightsStack } from '../../lib/devinsights-stack';
import type { SecretName } from '../../src/config';
import { PASSWORD_POLICY } from '../../src/domain/password-policy';
import { USER_POOL_SCHEMA } from '../../src/integrations/user-pool-schema';
import { TABLE_SCHEMA } from '../../src/repositories/table-schema';
import { job, jobs } from '../../src/jobs';
import { type Capability, type RouteDefinition, routeKey, routes } from '../../src/routes';
import {
  actionsOfStatement,
  capabilitiesIn,
  logicalIdOf,
  methodsByPath,
  PROPS,
  type Resources,
  type Statement,
  statementsOf,
  testApp,
  unbundledTemplate,
} from './template-helpers';

let stack: DevInsightsStack;
let template: Template;

// Bundles every handler once (~150 ms each); the tests below only read the template.
beforeAll(() => {
  stack = new DevInsightsStack(testApp(), 'DevInsights', PROPS);
  template = Template.fromStack(stack);
}, 120_000);

const logicalId = (construct: IConstruct): string => logicalIdOf(stack, construct);
const fnFor = (route: Pick<RouteDefinition, 'handler'>): RouteFunction => stack.api.functionFor(route);
const policyOf = (fn: RouteFunction): Statement[] => statementsOf(template, stack, fn);
const actionsOf = (fn: RouteFunction): string[] => policyOf(fn).flatMap(actionsOfStatement);
const byRoute = routes.map((route) => [routeKey(route), route] as const);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const environmentOf = (fn: RouteFunction): Record<string, unknown> => {
  const resources = template.findResources('AWS::Lambda::Function') as Resources;
  return resources[logicalId(fn)]?.Properties['Environment']['Variables'] ?? {};
};
/** What each queue job's send grant names as its Resource in this template. */
const queueResources = (): Record<string, unknown> =>
  Object.fromEntries([...stack.queues.queues].map(([name, { queue }]) => [name, { 'Fn::GetAtt': [logicalId(queue), 'Arn'] }]));

/** Each job's schedule group, by job name. */
const scheduleGroups = (): Record<string, string> =>
  Object.fromEntries([...stack.schedules.groups].map(([name, { group }]) => [name, group.scheduleGroupName]));

/** What each secret's grant names as its Resource in this template. */
const secretResources = (): Record<SecretName, unknown> => ({
  app: { Ref: logicalId(stack.node.findChild('AppSecret')) },
  model: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':secret:devinsights/model-key-??????']] },
  githubApp: { Ref: logicalId(stack.node.findChild('GithubAppCredentials')) },
  githubWebhook: { Ref: logicalId(stack.node.findChild('GithubWebhookSecret')) },
});

describe('the table', () => {
  it('is the only table, keyed by string PK and SK from the table schema', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals([
        { AttributeName: TABLE_SCHEMA.partitionKey, AttributeType: 'S' },
        { AttributeName: TABLE_SCHEMA.sortKey, AttributeType: 'S' },
      ]),
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('expires items by ttl, keeps point-in-time recovery on and encrypts with an AWS managed key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
    });
  });

  it('survives deleting the stack and replacing the resource', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('the user pool', () => {
  it('signs users in by their opaque username, email being a mere attribute', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: Match.absent(),
      AliasAttributes: Match.absent(),
      AutoVerifiedAttributes: [],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('enforces the same password policy as request validation', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: PASSWORD_POLICY.minLength,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
        },
      },
    });
  });

  it('carries organizationId and role as mutable custom attributes, as long as the schema allows', () => {
    const custom = Object.entries(USER_POOL_SCHEMA.customAttributes).map(([name, { maxLength }]) =>
      Match.objectLike({ Name: name, Mutable: true, StringAttributeConstraints: { MaxLength: String(maxLength) } }),
    );
    template.hasResourceProperties('AWS::Cognito::UserPool', { Schema: Match.arrayWith(custom) });
  });

  it('gives the app client password sign-in only, without a secret, hiding whether a user exists', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlowsUserPoolClient: false,
      ReadAttributes: Match.arrayWith(['custom:organizationId', 'custom:role']),
    });
  });

  it('never lets a user write their own organization or role claims', () => {
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient') as Resources);
    expect(clients).toHaveLength(1);
    const writable = clients[0]?.Properties['WriteAttributes'];
    expect(writable).toEqual(expect.arrayContaining(['email']));
    expect(writable).not.toContain('custom:organizationId');
    expect(writable).not.toContain('custom:role');
  });
});

describe('the functions', () => {
  const handlers = new Set(routes.map((route) => route.handler));

  it('gives every route function 20 s, inside API Gateway’s 29', () => {
    const functions = template.findResources('AWS::Lambda::Function') as Resources;
    for (const fn of [...stack.api.routeFunctions.values(), stack.api.methodNotAllowedFunction]) {
      expect(functions[logicalId(fn)]?.Properties['Timeout']).toBe(20);
    }
  });

  it('runs one Lambda per handler in the route table, one per job in the job table, plus the 405 function, and no helpers', () => {
    const node22 = template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } });
    expect(Object.keys(node22)).toHaveLength(handlers.size + jobs.length + 1);
    template.resourceCountIs('AWS::Lambda::Function', handlers.size + jobs.length + 1);
  });

  it('runs every function on arm64 with active tracing and its own log group', () => {
    template.allResourcesProperties('AWS::Lambda::Function', {
      Architectures: ['arm64'],
      MemorySize: 512,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
    // One per function, plus the API's access logs.
    template.resourceCountIs('AWS::Logs::LogGroup', handlers.size + jobs.length + 2);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('tells every function the pool ids and the app settings', () => {
    template.allResourcesProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          USER_POOL_ID: { Ref: logicalId(stack.userPool.userPool) },
          USER_POOL_CLIENT_ID: { Ref: logicalId(stack.userPool.client) },
          MAIL_FROM: PROPS.mailFrom,
          APP_URL: PROPS.appUrl,
          LOG_LEVEL: 'info',
          NODE_OPTIONS: '--enable-source-maps',
          AWS_REGION: Match.absent(),
        }),
      },
    });
  });

  it.each(byRoute)('sets TABLE_NAME for %s only if it uses the table', (_, route) => {
    const usesTable = route.uses.some((use) => use.startsWith('table:'));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(`^${escapeRegExp(routeKey(route))}:`),
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: usesTable ? { Ref: logicalId(stack.table.table) } : Match.absent(),
        }),
      },
    });
  });
});

describe('the API', () => {
  it.each(byRoute)('serves %s with its own function', (_, route) => {
    const served = methodsByPath(template).filter((m) => m.httpMethod === route.method && m.path === route.path);
    expect(served).toHaveLength(1);
    expect(served[0]?.integration).toContain(`"${logicalId(fnFor(route))}"`);
  });

  it('answers every other method on a routed resource through the one 405 function', () => {
    const notAllowedId = logicalId(stack.api.methodNotAllowedFunction);
    const anyMethods = methodsByPath(template).filter((method) => method.httpMethod === 'ANY');
    expect(anyMethods.map((method) => method.path).sort()).toEqual([...new Set(routes.map((r) => r.path))].sort());
    for (const method of anyMethods) expect(method.integration).toContain(`"${notAllowedId}"`);
    expect(stack.api.methodNotAllowedFunction.handlerModule).toBe(METHOD_NOT_ALLOWED_HANDLER);
  });

  it('deploys stage v1 throttled at 100 rps (burst 200) with metrics and tracing, PDFs as binary', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, MetricsEnabled: true }),
      ]),
    });
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { BinaryMediaTypes: ['application/pdf'] });
  });

  it('It should throttle the costly routes (login, signup, resend, invite, report generation) below the stage', () => {
    const throttled = routes.filter((route) => 'throttle' in route);
    expect(throttled.map(routeKey).sort()).toEqual([
      'POST /ai/generate-report/{organizationId}',
      'POST /auth/login',
      'POST /auth/resend-verification',
      'POST /auth/signup',
      'POST /team/invite',
    ]);
    const settings = throttled.map((route) => {
      const { ratePerSecond, burst } = (route as RouteDefinition).throttle ?? { ratePerSecond: 0, burst: 0 };
      expect(ratePerSecond).toBeLessThan(100);
      return Match.objectLike({
        // A method setting names `/<resource path>`, the resource path's own slashes escaped as ~1.
        ResourcePath: `/${route.path.replaceAll('/', '~1')}`,
        HttpMethod: route.method,
        ThrottlingRateLimit: ratePerSecond,
        ThrottlingBurstLimit: burst,
        MetricsEnabled: true,
      });
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', { MethodSettings: Match.arrayWith(settings) });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([Match.objectLike({ ResourcePath: '/~1auth~1login', ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })]),
    });
  });

  it('It should write one JSON access-log line per request to a log group kept a month, without request paths', () => {
    const stages = Object.values(template.findResources('AWS::ApiGateway::Stage') as Resources);
    expect(stages).toHaveLength(1);
    const logging = stages[0]?.Properties['AccessLogSetting'];
    expect(logging?.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalId(stack.api.accessLogs), 'Arn'] });
    const line = JSON.parse(logging?.Format) as Record<string, string>;
    expect(line).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      method: '$context.httpMethod',
      resourcePath: '$context.resourcePath',
      status: '$context.status',
      wafStatus: '$context.wafResponseCode',
    });
    // The path carries user ids and GitHub usernames; the resource path only the route.
    expect(Object.values(line)).not.toContain('$context.path');
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('It should give API Gateway its account logging role, kept when the stack goes, unless told the account has one', () => {
    template.resourceCountIs('AWS::ApiGateway::Account', 1);
    template.hasResource('AWS::ApiGateway::Account', { DeletionPolicy: 'Retain' });
    const withoutRole = Template.fromStack(
      new DevInsightsStack(testApp({ context: { 'aws:cdk:bundling-stacks': [] } }), 'NoRole', { ...PROPS, createApiLogRole: false }),
    );
    withoutRole.resourceCountIs('AWS::ApiGateway::Account', 0);
    withoutRole.hasResourceProperties('AWS::ApiGateway::Stage', { AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }) });
  });

  it.each([
    ['MISSING_AUTHENTICATION_TOKEN', '404', { success: false, error: 'Not found', code: 'NOT_FOUND' }, {}],
    [
      'THROTTLED',
      '429',
      { success: false, error: 'Too many requests', code: 'RATE_LIMITED' },
      { 'gatewayresponse.header.retry-after': "'1'" },
    ],
  ])('answers %s with %s in the contract error shape', (type, status, body, headers) => {
    const found = template.findResources('AWS::ApiGateway::GatewayResponse', {
      Properties: { ResponseType: type, StatusCode: status },
    }) as Resources;
    const response = Object.values(found)[0];
    expect(JSON.parse(response?.Properties['ResponseTemplates']['application/json'])).toEqual(body);
    expect(response?.Properties['ResponseParameters']).toEqual({
      'gatewayresponse.header.Access-Control-Allow-Origin': `'${PROPS.appUrl}'`,
      ...headers,
    });
  });

  it('answers other gateway errors in the contract shape, without internals on a 5xx', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'DEFAULT_4XX',
      ResponseTemplates: {
        'application/json': '{"success":false,"error":$context.error.messageString,"code":"BAD_REQUEST"}',
      },
    });
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'DEFAULT_5XX',
      ResponseTemplates: {
        'application/json': Match.stringLikeRegexp('"error":"Something went wrong on our side","code":"INTERNAL"'),
      },
    });
  });

  it('answers CORS preflights for the app origin only', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: {
        IntegrationResponses: [
          Match.objectLike({
            ResponseParameters: Match.objectLike({
              'method.response.header.Access-Control-Allow-Origin': `'${PROPS.appUrl}'`,
            }),
          }),
        ],
      },
    });
  });

  it('It should answer a request the firewall blocked with 403 FORBIDDEN in the contract shape', () => {
    const found = template.findResources('AWS::ApiGateway::GatewayResponse', {
      Properties: { ResponseType: 'WAF_FILTERED', StatusCode: '403' },
    }) as Resources;
    const response = Object.values(found)[0];
    expect(JSON.parse(response?.Properties['ResponseTemplates']['application/json'])).toEqual({
      success: false,
      error: 'Request blocked',
      code: 'FORBIDDEN',
    });
  });

  it('outputs the API URL, pool ids, table name and web app URL, once each', () => {
    expect(Object.keys(template.toJSON()['Outputs']).sort()).toEqual(['ApiUrl', 'TableName', 'UserPoolClientId', 'UserPoolId', 'WebAppUrl']);
  });
});

describe('the firewall', () => {
  it('It should put one regional web ACL on the v1 stage, allowing by default', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    const stageId = logicalId(stack.api.api.deploymentStage);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: { 'Fn::GetAtt': [stack.getLogicalId(stack.api.firewall.webAcl), 'Arn'] },
      ResourceArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([{ Ref: stageId }])] }),
    });
  });

  it('It should limit each IP to 6000 requests in 5 minutes and answer 429 in the contract shape with retry-after and CORS', () => {
    expect([WAF_REQUESTS_PER_IP, WAF_WINDOW_SECONDS]).toEqual([6000, 300]);
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RateLimitPerIp',
          Statement: { RateBasedStatement: { Limit: 6000, EvaluationWindowSec: 300, AggregateKeyType: 'IP' } },
          Action: {
            Block: {
              CustomResponse: {
                ResponseCode: 429,
                CustomResponseBodyKey: 'rate-limited',
                ResponseHeaders: [
                  { Name: 'retry-after', Value: '60' },
                  { Name: 'Access-Control-Allow-Origin', Value: PROPS.appUrl },
                ],
              },
            },
          },
        }),
      ]),
    });
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL') as Resources)[0];
    const body = acl?.Properties['CustomResponseBodies']['rate-limited'];
    expect(body?.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body?.Content)).toEqual({ success: false, error: 'Too many requests', code: 'RATE_LIMITED' });
  });

  it('It should apply the AWS common rule set, counting only its 8 KB body rule (the API takes 256 KB)', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'AWSManagedRulesCommonRuleSet',
          OverrideAction: { None: {} },
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
              RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
            },
          },
        }),
      ]),
    });
  });
});

describe('permissions', () => {
  const allStatements = (): Statement[] =>
    Object.values(template.findResources('AWS::IAM::Policy') as Resources).flatMap(
      (policy) => policy.Properties['PolicyDocument'].Statement as Statement[],
    );

  it('never grants a wildcard action', () => {
    for (const action of allStatements().flatMap(actionsOfStatement)) {
      expect(action).not.toBe('*');
      expect(action).not.toMatch(/:\*$/);
    }
  });

  it('grants on every resource only what AWS offers no narrower resource for (X-Ray)', () => {
    const onAnything = allStatements().filter((statement) => statement.Resource === '*');
    expect(onAnything.flatMap(actionsOfStatement).filter((action) => !action.startsWith('xray:'))).toEqual([]);
  });

  it.each(byRoute)('It should grant %s exactly what it declares', (_, route) => {
    const declared = new Set<Capability>(route.uses);
    if (declared.has('table:write')) declared.add('table:read');
    expect(capabilitiesIn(policyOf(fnFor(route)), secretResources(), queueResources(), scheduleGroups()).sort()).toEqual([...declared].sort());
  });

  it.each(byRoute)('It should tell %s the id of exactly the secrets it reads, and no secret value', (_, route) => {
    const environment = environmentOf(fnFor(route));
    for (const [name, variable] of Object.entries(SECRET_ID_VARIABLES) as [SecretName, string][]) {
      expect(variable in environment, variable).toBe((route.uses as readonly Capability[]).includes(`secret:${name}`));
    }
    for (const value of ['APP_SECRET', 'AI_API_KEY', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_CLIENT_SECRET', 'GITHUB_APP_WEBHOOK_SECRET']) {
      expect(environment).not.toHaveProperty(value);
    }
  });

  it('It should resolve no secret into the template (no dynamic references)', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('resolve:secretsmanager');
  });

  it('It should let login read APP_SECRET, by the secret ARN, with GetSecretValue on that secret only', () => {
    const appSecretId = logicalId(stack.node.findChild('AppSecret'));
    const login = fnFor({ handler: 'auth/login' });
    expect(environmentOf(login)['APP_SECRET_ID']).toEqual({ Ref: appSecretId });
    const read = policyOf(login).filter((s) => actionsOfStatement(s).some((a) => a.startsWith('secretsmanager:')));
    expect(read).toEqual([expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: appSecretId } })]);
  });

  it('It should let a person\'s analysis read the model key and no GitHub credential (reads never ask GitHub), and no operator token', () => {
    const fn = fnFor({ handler: 'ai/code-quality' });
    expect(environmentOf(fn)).not.toHaveProperty('GITHUB_TOKEN');
    expect(environmentOf(fn)).not.toHaveProperty('GITHUB_TOKEN_SECRET_ID');
    expect(environmentOf(fn)).not.toHaveProperty('GITHUB_APP_CREDENTIALS_SECRET_ID');
    expect(environmentOf(fn)).toMatchObject({ AI_API_KEY_SECRET_ID: 'devinsights/model-key', AI_BASE_URL: 'https://llm.example.com/v1', AI_MODEL: 'a-model' });
    const resources = policyOf(fn)
      .filter((s) => actionsOfStatement(s).includes('secretsmanager:GetSecretValue'))
      .map((s) => s.Resource);
    expect(resources).toEqual([secretResources().model]);
  });

  it('It should let the sync worker read the GitHub App\'s credentials (to mint installation tokens) and the model key (the prose of the analyses it recomputes)', () => {
    const fn = stack.jobs.functionFor('github-sync');
    expect(environmentOf(fn)).toMatchObject({ GITHUB_APP_CREDENTIALS_SECRET_ID: { Ref: logicalId(stack.node.findChild('GithubAppCredentials')) }, AI_API_KEY_SECRET_ID: 'devinsights/model-key' });
    const resources = policyOf(fn)
      .filter((s) => actionsOfStatement(s).includes('secretsmanager:GetSecretValue'))
      .map((s) => s.Resource);
    expect(resources).toEqual(expect.arrayContaining([secretResources().githubApp, secretResources().model]));
    expect(resources).toHaveLength(2);
  });

  it('It should keep the GitHub App\'s two secrets (credentials, webhook secret) in the stack, retained on delete', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: { Description: Match.stringLikeRegexp('privateKey') },
      DeletionPolicy: 'Retain',
    });
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: { Description: Match.stringLikeRegexp('webhook secret'), GenerateSecretString: Match.objectLike({ PasswordLength: 40 }) },
      DeletionPolicy: 'Retain',
    });
  });

  it('It should give every function the GitHub App\'s id, slug and client id, which are not secrets', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^GET /health'),
      Environment: { Variables: Match.objectLike({ GITHUB_APP_ID: '4242', GITHUB_APP_SLUG: 'devinsights', GITHUB_APP_CLIENT_ID: 'Iv1.0123456789abcdef' }) },
    });
  });

  it('It should serve POST /webhooks/github without an authorizer (GitHub signs the body, it sends no token)', () => {
    const resources = template.findResources('AWS::ApiGateway::Resource') as Resources;
    const [githubId] = Object.entries(resources).find(([, resource]) => {
      const parent = resource.Properties['ParentId'];
      const parentPath = typeof parent === 'object' && parent && 'Ref' in parent ? resources[String(parent.Ref)]?.Properties['PathPart'] : undefined;
      return resource.Properties['PathPart'] === 'github' && parentPath === 'webhooks';
    }) ?? [];
    expect(githubId).toBeDefined();
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method') as Resources).filter(
      (method) => method.Properties['HttpMethod'] === 'POST' && JSON.stringify(method.Properties['ResourceId']) === JSON.stringify({ Ref: githubId }),
    );
    expect(methods).toHaveLength(1);
    expect(methods[0]?.Properties['AuthorizationType'] ?? 'NONE').toBe('NONE');
    expect(methods[0]?.Properties).not.toHaveProperty('AuthorizerId');
  });

  it('It should let the webhook receiver read the webhook secret and no other secret, never the app\'s private key', () => {
    const receiver = fnFor({ handler: 'webhooks/receive-github' });
    const webhookSecretId = logicalId(stack.node.findChild('GithubWebhookSecret'));
    expect(environmentOf(receiver)['GITHUB_APP_WEBHOOK_SECRET_ID']).toEqual({ Ref: webhookSecretId });
    expect(environmentOf(receiver)).not.toHaveProperty('GITHUB_APP_CREDENTIALS_SECRET_ID');
    const reads = policyOf(receiver).filter((s) => actionsOfStatement(s).some((a) => a.startsWith('secretsmanager:')));
    expect(reads).toEqual([expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: webhookSecretId } })]);
  });

  it('It should grant nothing for a secret that is not configured', () => {
    const bare = unbundledTemplate(routes.filter((route) => route.handler === 'ai/code-quality'), {
      mailFrom: PROPS.mailFrom,
      appUrl: PROPS.appUrl,
      webAppDir: PROPS.webAppDir,
      // The queues the route sends refreshes and access-log entries to.
      jobs: [job('github-sync'), job('access-log')],
    });
    const policies = JSON.stringify(bare.findResources('AWS::IAM::Policy'));
    expect(policies).not.toContain('model-key');
    bare.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^GET /ai/code-quality'),
      Environment: { Variables: Match.objectLike({ GITHUB_APP_CREDENTIALS_SECRET_ID: Match.absent(), AI_API_KEY_SECRET_ID: Match.absent() }) },
    });
  });

  it('It should give the health function nothing but X-Ray tracing', () => {
    expect(actionsOf(fnFor({ handler: 'health/get-health' })).filter((a) => !a.startsWith('xray:'))).toEqual([]);
  });

  it('It should grant no function ConditionCheckItem, which no code sends, and BatchWriteItem only beside PutItem', () => {
    const statements = allStatements();
    const actions = statements.flatMap(actionsOfStatement);
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:ConditionCheckItem');
    const batchWriters = statements.filter((statement) => actionsOfStatement(statement).includes('dynamodb:BatchWriteItem'));
    expect(batchWriters.length).toBeGreaterThan(0);
    expect(batchWriters.every((statement) => actionsOfStatement(statement).includes('dynamodb:PutItem'))).toBe(true);
  });

  it('It should grant login AdminUpdateUserAttributes on the user pool and no other Cognito action', () => {
    const cognito = policyOf(fnFor({ handler: 'auth/login' })).filter((s) => actionsOfStatement(s).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toEqual([
      expect.objectContaining({
        Action: 'cognito-idp:AdminUpdateUserAttributes',
        Resource: { 'Fn::GetAtt': [logicalId(stack.userPool.userPool), 'Arn'] },
      }),
    ]);
  });

  it('It should let only the routes that delete an account call AdminDeleteUser', () => {
    const deleting = routes.filter((route) => actionsOf(fnFor(route)).includes('cognito-idp:AdminDeleteUser')).map(routeKey);
    expect(deleting.sort()).toEqual(['POST /auth/signup', 'POST /invite/complete']);
  });

  it('lets a reading route (team members) write the request counters every request updates, or its limits would fail open on AWS', () => {
    const actions = actionsOf(fnFor({ handler: 'team/list-members' }));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:UpdateItem');
  });

  it('gives the health function no DynamoDB access at all', () => {
    expect(actionsOf(fnFor({ handler: 'health/get-health' })).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it('grants the Cognito admin actions on the user pool only', () => {
    const admin = policyOf(fnFor({ handler: 'invite/complete' })).find((s) => actionsOfStatement(s).includes('cognito-idp:AdminConfirmSignUp'));
    expect(actionsOfStatement(admin).sort()).toEqual(
      ['cognito-idp:AdminConfirmSignUp', 'cognito-idp:AdminDeleteUser', 'cognito-idp:AdminUpdateUserAttributes'],
    );
    expect(admin?.Resource).toEqual({ 'Fn::GetAtt': [logicalId(stack.userPool.userPool), 'Arn'] });
  });

  it('lets a function send mail only as the configured domain or address', () => {
    const send = policyOf(fnFor({ handler: 'auth/signup' })).find((s) => actionsOfStatement(s).includes('ses:SendEmail'));
    expect(actionsOfStatement(send).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const resources = JSON.stringify(send?.Resource);
    expect(resources).toContain(':identity/mail.example.com"');
    expect(resources).toContain(':identity/no-reply@mail.example.com"');
    expect(send?.Resource).toHaveLength(2);
  });
});

describe('the background jobs', () => {
  const sweep = job('sweep-expired-signups');
  const sweepFn = (): RouteFunction => stack.jobs.functionFor(sweep.name);
  const byJob = jobs.map((entry) => [entry.name, entry] as const);

  it('It should have one schedule per scheduled job of the job table', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', jobs.filter((entry) => 'schedule' in entry.trigger).length);
  });

  it('It should invoke the sweep of expired signups every hour through EventBridge Scheduler, with few retries', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(sweepFn()), 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 1800 },
      },
    });
  });

  it('It should let the scheduler invoke the sweep function and nothing else', () => {
    const schedule = Object.values(template.findResources('AWS::Scheduler::Schedule') as Resources)[0];
    const roleId = schedule?.Properties['Target']['RoleArn']['Fn::GetAtt'][0] as string;
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Resources)
      .filter((policy) => JSON.stringify(policy.Properties['Roles']).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties['PolicyDocument'].Statement as Statement[]);
    expect(statements.flatMap(actionsOfStatement)).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(statements.map((statement) => statement.Resource))).toContain(`"${logicalId(sweepFn())}"`);
    expect(JSON.stringify(statements.map((statement) => statement.Resource))).not.toContain('"*"');
  });

  it.each(byJob)('It should grant the job %s exactly what it declares', (_, entry) => {
    const declared = new Set<Capability>(entry.uses);
    if (declared.has('table:write')) declared.add('table:read');
    expect(capabilitiesIn(policyOf(stack.jobs.functionFor(entry.name)), secretResources(), queueResources(), scheduleGroups()).sort()).toEqual([...declared].sort());
  });

  it('It should let the sweep delete Cognito users on the user pool only, and send no mail', () => {
    const statements = policyOf(sweepFn());
    const cognito = statements.filter((s) => actionsOfStatement(s).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toEqual([
      expect.objectContaining({ Action: 'cognito-idp:AdminDeleteUser', Resource: { 'Fn::GetAtt': [logicalId(stack.userPool.userPool), 'Arn'] } }),
    ]);
    expect(statements.filter((s) => s.Resource === '*').flatMap(actionsOfStatement).filter((a) => !a.startsWith('xray:'))).toEqual([]);
    expect(statements.flatMap(actionsOfStatement).filter((a) => a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('It should give the sweep its own timeout from the job table, the table and the pool ids', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(`^${sweep.name}: `),
      Timeout: sweep.timeoutSeconds,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { Ref: logicalId(stack.table.table) },
          USER_POOL_ID: { Ref: logicalId(stack.userPool.userPool) },
        }),
      },
    });
  });
});
