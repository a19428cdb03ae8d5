import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NOT_ALLOWED_HANDLER } from '../../lib/constructs/rest-api';
import type { RouteFunction } from '../../lib/constructs/route-function';
import { COGNITO_ADMIN_ACTIONS } from '../../lib/constructs/user-pool';
import { DevInsightsStack } from '../../lib/devinsights-stack';
import { PASSWORD_POLICY } from '../../src/domain/password-policy';
import { USER_POOL_SCHEMA } from '../../src/integrations/user-pool-schema';
import { TABLE_SCHEMA } from '../../src/repositories/table-schema';
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
} from './template-helpers';

let stack: DevInsightsStack;
let template: Template;

// Bundles every handler once (~150 ms each); the tests below only read the template.
beforeAll(() => {
  stack = new DevInsightsStack(new App(), 'DevInsights', PROPS);
  template = Template.fromStack(stack);
}, 120_000);

const logicalId = (construct: IConstruct): string => logicalIdOf(stack, construct);
const fnFor = (route: Pick<RouteDefinition, 'handler'>): RouteFunction => stack.api.functionFor(route);
const policyOf = (fn: RouteFunction): Statement[] => statementsOf(template, stack, fn);
const actionsOf = (fn: RouteFunction): string[] => policyOf(fn).flatMap(actionsOfStatement);
const byRoute = routes.map((route) => [routeKey(route), route] as const);

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

  it('runs one Lambda per handler in the route table plus the 405 function, and no helpers', () => {
    const node22 = template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } });
    expect(Object.keys(node22)).toHaveLength(handlers.size + 1);
    template.resourceCountIs('AWS::Lambda::Function', handlers.size + 1);
  });

  it('runs every function on arm64 with a 20 s timeout, active tracing and its own log group', () => {
    template.allResourcesProperties('AWS::Lambda::Function', {
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 20,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
    template.resourceCountIs('AWS::Logs::LogGroup', handlers.size + 1);
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
      Description: Match.stringLikeRegexp(`^${routeKey(route).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`),
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
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, MetricsEnabled: true })],
    });
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { BinaryMediaTypes: ['application/pdf'] });
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

  it('outputs the API URL, pool ids and table name, once each', () => {
    expect(Object.keys(template.toJSON()['Outputs']).sort()).toEqual(['ApiUrl', 'TableName', 'UserPoolClientId', 'UserPoolId']);
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

  it.each(byRoute)('grants %s exactly what it declares', (_, route) => {
    const declared = new Set<Capability>(route.uses);
    if (declared.has('table:write')) declared.add('table:read');
    expect(capabilitiesIn(actionsOf(fnFor(route))).sort()).toEqual([...declared].sort());
  });

  it('gives a reading route (team members) read-only table access', () => {
    const actions = actionsOf(fnFor({ handler: 'team/list-members' }));
    expect(actions).toContain('dynamodb:GetItem');
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
      expect(actions).not.toContain(write);
    }
  });

  it('gives the health function no DynamoDB access at all', () => {
    expect(actionsOf(fnFor({ handler: 'health/get-health' })).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it('grants the Cognito admin actions on the user pool only', () => {
    const admin = policyOf(fnFor({ handler: 'auth/signup' })).find((s) => actionsOfStatement(s).includes('cognito-idp:AdminConfirmSignUp'));
    expect(actionsOfStatement(admin).sort()).toEqual([...COGNITO_ADMIN_ACTIONS].sort());
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
