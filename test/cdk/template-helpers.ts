import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { RouteFunction } from '../../lib/constructs/route-function';
import { DevInsightsStack, type DevInsightsStackProps } from '../../lib/devinsights-stack';
import type { Capability, RouteDefinition } from '../../src/routes';

export const PROPS: DevInsightsStackProps = {
  mailFrom: 'DevInsights <no-reply@mail.example.com>',
  appUrl: 'https://app.example.com',
};

/** Template resources as plain JSON: `any` because tests read arbitrary nested CloudFormation properties. */
export type Resources = Record<string, { Properties: Record<string, any> }>;

export interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** A stack that skips bundling: for tests about the route-to-resource logic only. */
export function unbundledTemplate(routeTable: readonly RouteDefinition[]): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new DevInsightsStack(app, 'Unbundled', { ...PROPS, routes: routeTable }));
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

/** What a set of IAM actions lets a function do, in route-table words. */
export function capabilitiesIn(actions: readonly string[]): Capability[] {
  const granted: Capability[] = [];
  if (actions.includes('dynamodb:GetItem')) granted.push('table:read');
  if (actions.includes('dynamodb:PutItem')) granted.push('table:write');
  if (actions.some((action) => action.startsWith('cognito-idp:'))) granted.push('cognito:admin');
  if (actions.some((action) => action.startsWith('ses:'))) granted.push('email:send');
  return granted;
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
