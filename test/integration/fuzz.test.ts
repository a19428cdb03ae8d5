import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes, type HttpMethod, type RouteDefinition } from '../../src/routes';
import { signedInAdmin, type SignedInAdmin } from '../support/accounts';
import {
  badAuthorization,
  contentType,
  contractProblems,
  describeExchange,
  INHERITED_NAMES,
  requestFor,
  send,
  type FuzzRequest,
  type RequestContext,
} from '../support/fuzz';
import { stack } from '../support/stack';

/**
 * Generated requests on every route of the route table (new routes are
 * covered without touching this file): whatever arrives, the answer is never
 * a 5xx, errors keep the contract's shape and nothing from inside leaks.
 *
 * Reproduce a failure with the printed seed: FUZZ_SEED=<seed> npx vitest run test/integration/fuzz.test.ts
 * More runs: FUZZ_RUNS=<factor>. Shrink a counterexample (slow, many requests): FUZZ_SHRINK=1.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_611);
const RUNS_FACTOR = Number(process.env['FUZZ_RUNS'] ?? 1);
const ANONYMOUS_RUNS = Math.max(1, Math.round(15 * RUNS_FACTOR));
const ADMIN_RUNS = Math.max(1, Math.round(25 * RUNS_FACTOR));
const FUZZ_TEST_TIMEOUT_MS = 120_000;

/** One seed per route (the base seed plus its index in the table), so routes do not all get the same sequence of shapes. */
const options = (numRuns: number, route: RouteDefinition): fc.Parameters<[FuzzRequest]> => ({
  numRuns,
  seed: SEED + routes.indexOf(route as (typeof routes)[number]),
  // Shrinking replays requests by the hundred; the first counterexample is printed in full anyway.
  endOnFailure: process.env['FUZZ_SHRINK'] !== '1',
});

let admin: SignedInAdmin;

beforeAll(async () => {
  admin = await signedInAdmin();
});

async function expectContractKept(route: RouteDefinition, request: FuzzRequest): Promise<void> {
  const response = await send(stack().apiUrl, request);
  const problems = contractProblems(route, response);
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${describeExchange(request, response)}`);
}

/** Prints a request briefly when fast-check reports it (bodies may be 20 KB). */
function printable(request: FuzzRequest): FuzzRequest {
  const preview = `${request.method} ${request.target.slice(0, 200)} [${request.label}]`;
  return Object.assign(request, { [fc.toStringMethod]: () => preview });
}

function fuzz(route: RouteDefinition, context: RequestContext, numRuns: number): Promise<void> {
  return fc.assert(
    fc.asyncProperty(requestFor(route, context).map(printable), (request) => expectContractKept(route, request)),
    options(numRuns, route),
  );
}

describe.each(routes.map((route) => [routeKey(route), route] as const))('fuzzing %s', (_key, route) => {
  it(
    'should answer generated requests without credentials (or with forged ones) with no 5xx and the error shape',
    async () => {
      await fuzz(
        route,
        { authorization: badAuthorization(admin.accessToken), knownPathValues: {}, forbiddenPathValues: [admin.userId] },
        ANONYMOUS_RUNS,
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    "should answer an admin's generated requests with no 5xx and the error shape",
    async () => {
      await fuzz(
        route,
        {
          authorization: fc.constant(`Bearer ${admin.accessToken}`),
          // Real values now and then, so handlers run past "not found". Never the admin's own userId:
          // a valid DELETE/PATCH on it could remove or demote the only admin.
          knownPathValues: {
            organizationId: [admin.organizationId],
            githubUsername: admin.input.githubUsername ? [admin.input.githubUsername] : [],
          },
          forbiddenPathValues: [admin.userId],
        },
        ADMIN_RUNS,
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

describe('fuzzing outside the route table', () => {
  it('should answer a method a path does not serve with the error shape', async () => {
    const unserved = [...new Set(routes.map((route) => route.path))].flatMap((path) =>
      METHODS.filter((method) => !routes.some((route) => route.path === path && route.method === method)).map((method) => ({ path, method })),
    );
    expect(unserved.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...unserved), contentType, async ({ path, method }, type) => {
        const target = path.replace(/\{[^}]+\}/g, 'fuzz-id');
        const route = { ...routes[0], method, path } as RouteDefinition;
        await expectContractKept(route, {
          method,
          target,
          headers: { authorization: `Bearer ${admin.accessToken}`, ...(type === undefined ? {} : { 'content-type': type }) },
          body: '{"x":1}',
          label: 'method not served',
        });
      }),
      { numRuns: 25, seed: SEED, endOnFailure: true },
    );
  });

  // Kept apart from the generated query strings above so that one finding does not hide the others.
  it('should answer query keys named like Object.prototype members (constructor, __proto__, ...) on every route with no 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes.map(routeKey)),
        fc.constantFrom(...INHERITED_NAMES),
        fc.constantFrom('', '=1', '=yes', '=%7B%7D'),
        fc.boolean(),
        async (key, name, value, authenticated) => {
          const route = routes.find((candidate) => routeKey(candidate) === key) as RouteDefinition;
          const path = route.path.replace(/\{[^}]+\}/g, 'fuzz-id');
          await expectContractKept(route, {
            method: route.method,
            target: `${path}?${name}${value}`,
            headers: authenticated ? { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' } : { 'content-type': 'application/json' },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
            label: 'inherited name as query key',
          });
        },
      ),
      { numRuns: 40, seed: SEED, endOnFailure: true },
    );
  });

  it('should answer unknown paths with the error shape', async () => {
    const segment = fc.oneof(fc.stringMatching(/^[a-z0-9._~-]{1,12}$/), fc.constantFrom('..', '%00', '%zz', 'reports', 'team', 'ai', '{userId}'));
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom(...METHODS), async (segments, method) => {
        const target = `/${segments.join('/')}`;
        const request: FuzzRequest = { method, target, headers: { authorization: `Bearer ${admin.accessToken}` }, label: 'unknown path' };
        const response = await send(stack().apiUrl, request);
        const problems = contractProblems({ ...routes[0], method, path: target } as RouteDefinition, response);
        if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${describeExchange(request, response)}`);
      }),
      { numRuns: 25, seed: SEED, endOnFailure: true },
    );
  });
});
