import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  Cors,
  LambdaIntegration,
  LogGroupLogDestination,
  Resource,
  ResponseType,
  RestApi,
  type IResource,
  type MethodDeploymentOptions,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type RouteDefinition } from '../../src/routes';
import { ApiFirewall } from './api-firewall';
import { grantCapabilities, type GrantTargets } from './capability-grants';
import { RouteFunction, type RouteFunctionSettings } from './route-function';

/** Answers 405 on every resource for the methods the route table does not list. */
export const METHOD_NOT_ALLOWED_HANDLER = 'system/method-not-allowed';

export interface AppRestApiProps extends GrantTargets {
  readonly routes: readonly RouteDefinition[];
  readonly settings: RouteFunctionSettings;
  /** Shown in the console; distinguishes stages deployed to one account. */
  readonly apiName: string;
  /**
   * API Gateway writes access logs through one IAM role per account and
   * region. `true` creates it (kept when the stack is deleted, as other APIs
   * may log through it); `false` when the account already has one.
   */
  readonly createLogRole: boolean;
}

/** The route-level throttles, as the stage's method settings (`/path/METHOD`). */
function methodThrottles(routeTable: readonly RouteDefinition[]): Record<string, MethodDeploymentOptions> {
  const settings: Record<string, MethodDeploymentOptions> = {};
  for (const { path, method, throttle } of routeTable) {
    if (!throttle) continue;
    // A method setting replaces the stage's for that method, metrics included.
    settings[`${path}/${method}`] = {
      throttlingRateLimit: throttle.ratePerSecond,
      throttlingBurstLimit: throttle.burst,
      metricsEnabled: true,
    };
  }
  return settings;
}

/**
 * One JSON line per request. The resource path (`/team/members/{userId}`), not
 * the path, so ids and GitHub usernames stay out; the IP stays for abuse
 * investigations, for the month the log group keeps it.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: AccessLogField.contextRequestId(),
    requestTime: AccessLogField.contextRequestTime(),
    ip: AccessLogField.contextIdentitySourceIp(),
    userAgent: AccessLogField.contextIdentityUserAgent(),
    method: AccessLogField.contextHttpMethod(),
    resourcePath: AccessLogField.contextResourcePath(),
    status: AccessLogField.contextStatus(),
    responseLength: AccessLogField.contextResponseLength(),
    responseLatencyMs: AccessLogField.contextResponseLatency(),
    integrationLatencyMs: AccessLogField.contextIntegrationLatency(),
    errorType: AccessLogField.contextErrorResponseType(),
    wafStatus: AccessLogField.contextWafResponseCode(),
  }),
);

/**
 * The API's answers for requests that never reach a Lambda, in the contract's
 * `{success:false, error, code}` shape. `error` is a JSON value: a literal, or
 * `$context.error.messageString`, which API Gateway already quotes.
 */
const GATEWAY_RESPONSES = [
  // API Gateway's answer for a path no resource matches; to a client that is a 404.
  { type: ResponseType.MISSING_AUTHENTICATION_TOKEN, statusCode: '404', error: '"Not found"', code: 'NOT_FOUND' },
  {
    type: ResponseType.THROTTLED,
    statusCode: '429',
    error: '"Too many requests"',
    code: 'RATE_LIMITED',
    // The contract promises retry-after on every 429; API Gateway's token bucket refills within a second.
    headers: { 'retry-after': "'1'" },
  },
  { type: ResponseType.REQUEST_TOO_LARGE, statusCode: '413', error: '"Request body too large"', code: 'PAYLOAD_TOO_LARGE' },
  // A request one of the firewall's managed rules blocked (its rate limit answers 429 itself).
  { type: ResponseType.WAF_FILTERED, statusCode: '403', error: '"Request blocked"', code: 'FORBIDDEN' },
  { type: ResponseType.DEFAULT_4XX, error: '$context.error.messageString', code: 'BAD_REQUEST' },
  {
    type: ResponseType.DEFAULT_5XX,
    error: '"Something went wrong on our side"',
    code: 'INTERNAL',
    extra: ',"requestId":"$context.requestId"',
  },
] as const;

/** The API's one stage: its URL is `https://<id>.execute-api.<region>.<suffix>/v1`. */
export const API_STAGE = 'v1';

/**
 * The REST API, built from the route table: one Lambda per handler, one
 * method per route, and for each route exactly the grants its `uses` lists.
 */
export class AppRestApi extends Construct {
  readonly api: RestApi;
  readonly url: string;
  /** By handler module, e.g. `auth/login`. */
  readonly routeFunctions: ReadonlyMap<string, RouteFunction>;
  readonly methodNotAllowedFunction: RouteFunction;
  readonly accessLogs: LogGroup;
  readonly firewall: ApiFirewall;

  constructor(scope: Construct, id: string, props: AppRestApiProps) {
    super(scope, id);
    const { appUrl } = props.settings;
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new RestApi(this, 'RestApi', {
      restApiName: props.apiName,
      description: 'DevInsights HTTP API, generated from src/routes.ts',
      binaryMediaTypes: ['application/pdf'],
      cloudWatchRole: props.createLogRole,
      ...(props.createLogRole ? { cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN } : {}),
      deployOptions: {
        stageName: API_STAGE,
        throttlingRateLimit: 100,
        throttlingBurstLimit: 200,
        methodOptions: methodThrottles(props.routes),
        metricsEnabled: true,
        tracingEnabled: true,
        accessLogDestination: new LogGroupLogDestination(this.accessLogs),
        accessLogFormat: ACCESS_LOG_FORMAT,
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [appUrl],
        allowMethods: Cors.ALL_METHODS,
        allowHeaders: ['Content-Type', 'Authorization'],
      },
    });
    this.url = this.api.url;
    // RestApi always adds an `Endpoint` output; the stack's `ApiUrl` is the one
    // to read, and two outputs with one value only invite confusion.
    this.api.node.tryRemoveChild('Endpoint');

    for (const response of GATEWAY_RESPONSES) {
      const extra = 'extra' in response ? response.extra : '';
      this.api.addGatewayResponse(`Gateway${response.type.responseType}`, {
        type: response.type,
        ...('statusCode' in response ? { statusCode: response.statusCode } : {}),
        // Without it a browser hides the error body from the web app.
        responseHeaders: { 'Access-Control-Allow-Origin': `'${appUrl}'`, ...('headers' in response ? response.headers : {}) },
        templates: {
          'application/json': `{"success":false,"error":${response.error},"code":"${response.code}"${extra}}`,
        },
      });
    }

    const environment = props.userPool.environment;
    this.methodNotAllowedFunction = new RouteFunction(this, {
      handlerModule: METHOD_NOT_ALLOWED_HANDLER,
      description: 'Answers 405 for a method a resource does not have',
      settings: props.settings,
      environment,
    });
    const { functions, routedResources } = addRoutes(this.api.root, props, (route) =>
      new RouteFunction(this, {
        handlerModule: route.handler,
        description: `${routeKey(route)}: ${route.summary}`,
        settings: props.settings,
        environment,
        ...(route.runtimeFiles ? { runtimeFiles: route.runtimeFiles } : {}),
      }),
    );
    this.routeFunctions = functions;
    addMethodNotAllowed(routedResources, this.methodNotAllowedFunction);
    this.firewall = new ApiFirewall(this, 'Firewall', { stage: this.api.deploymentStage, name: props.apiName, appUrl });
  }

  /** The function serving a route of the table. */
  functionFor(route: Pick<RouteDefinition, 'handler'>): RouteFunction {
    const fn = this.routeFunctions.get(route.handler);
    if (!fn) throw new Error(`No function for handler '${route.handler}'`);
    return fn;
  }
}

/**
 * The one place routes become API resources: nested resources from each path
 * (reused across routes), a Lambda per handler (shared if two routes name the
 * same handler), a method per route, and the route's grants.
 */
function addRoutes(
  root: IResource,
  props: AppRestApiProps,
  createFunction: (route: RouteDefinition) => RouteFunction,
): { functions: Map<string, RouteFunction>; routedResources: Set<IResource> } {
  const functions = new Map<string, RouteFunction>();
  const routedResources = new Set<IResource>();
  for (const route of props.routes) {
    let fn = functions.get(route.handler);
    if (!fn) {
      fn = createFunction(route);
      functions.set(route.handler, fn);
    }
    grantCapabilities(fn, route.uses, props);
    const resource = resourceFor(root, route.path);
    // Each route function gets a permission scoped to its method; the console's
    // test-invoke permission would double that count against the stack's resource limit.
    resource.addMethod(route.method, new LambdaIntegration(fn, { allowTestInvoke: false }));
    routedResources.add(resource);
  }
  return { functions, routedResources };
}

/** The resource for `/a/{id}/b`, creating the missing levels. */
function resourceFor(root: IResource, path: string): IResource {
  if (!path.startsWith('/')) throw new Error(`Route path '${path}' must start with '/'`);
  return path
    .split('/')
    .filter((segment) => segment.length > 0)
    .reduce((parent, segment) => parent.getResource(segment) ?? addChild(parent, segment), root);
}

function addChild(parent: IResource, segment: string): IResource {
  if (segment.startsWith('{')) {
    // API Gateway refuses, at deploy time, two differently named parameters at one level.
    const siblingParam = parent.node.children
      .filter((child): child is Resource => child instanceof Resource)
      .map((child) => child.path.slice(child.path.lastIndexOf('/') + 1))
      .find((pathPart) => pathPart.startsWith('{'));
    if (siblingParam) {
      throw new Error(`Path parameter ${segment} under '${parent.path}' clashes with ${siblingParam}; use one name per level`);
    }
  }
  return parent.addResource(segment);
}

/**
 * API Gateway prefers an explicit method over ANY, so ANY on a routed resource
 * catches exactly the methods the table does not list. Resources that only
 * lead to others stay without methods and answer 404.
 */
function addMethodNotAllowed(resources: Iterable<IResource>, fn: RouteFunction): void {
  // One permission for the whole API instead of one per resource keeps the
  // function's resource policy small however many routes there are.
  const integration = new LambdaIntegration(fn, { scopePermissionToMethod: false });
  for (const resource of resources) resource.addMethod('ANY', integration);
}
