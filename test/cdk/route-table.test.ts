import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../src/routes';
import { methodsByPath, unbundledTemplate } from './template-helpers';

/** Routes for these tests; they borrow existing handler files, whose code does not matter here. */
const route = (method: RouteDefinition['method'], path: string, handler: string): RouteDefinition => ({
  method,
  path,
  handler,
  access: 'public',
  dynamodbBudget: 0,
  summary: 'test',
  uses: [],
});

describe('turning a route table into API resources', () => {
  it('builds nested resources, path parameters and several methods on one resource', () => {
    const template = unbundledTemplate([
      route('GET', '/team/members', 'auth/login'),
      route('GET', '/team/members/{userId}', 'auth/refresh'),
      route('DELETE', '/team/members/{userId}', 'me/get-me'),
    ]);
    const methods = methodsByPath(template).map((method) => `${method.httpMethod} ${method.path}`);
    expect(methods).toEqual(
      expect.arrayContaining([
        'GET /team/members',
        'GET /team/members/{userId}',
        'DELETE /team/members/{userId}',
        'ANY /team/members',
        'ANY /team/members/{userId}',
      ]),
    );
    template.resourceCountIs('AWS::ApiGateway::Resource', 3);
  });

  it('leaves a resource that only leads to others without a 405 catch-all, so it answers 404', () => {
    const template = unbundledTemplate([route('GET', '/team/members', 'auth/login')]);
    const methods = methodsByPath(template).map((method) => `${method.httpMethod} ${method.path}`);
    expect(methods).not.toContain('ANY /team');
  });

  it('shares one function between routes that name the same handler', () => {
    const template = unbundledTemplate([
      route('GET', '/reports/{reportId}', 'me/get-me'),
      route('POST', '/reports/{reportId}', 'me/get-me'),
    ]);
    template.resourceCountIs('AWS::Lambda::Function', 2);
  });

  it('refuses two differently named path parameters at one level', () => {
    expect(() =>
      unbundledTemplate([
        route('GET', '/teams/{teamId}', 'auth/login'),
        route('GET', '/teams/{id}/members', 'auth/refresh'),
      ]),
    ).toThrow(/clashes with \{teamId\}/);
  });

  it('names the route table entry whose handler file is missing', () => {
    expect(() => unbundledTemplate([route('GET', '/nowhere', 'nowhere/get-nothing')])).toThrow(
      /Handler 'nowhere\/get-nothing' has no entry file/,
    );
  });
});
