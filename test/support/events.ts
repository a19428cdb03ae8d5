import type { APIGatewayProxyEvent } from 'aws-lambda';

/** A REST API (v1) proxy event as API Gateway sends it, for handler unit tests. */
export function apiGatewayEvent(overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return {
    httpMethod: 'POST',
    path: '/',
    resource: '/',
    body: null,
    headers: {},
    multiValueHeaders: {},
    isBase64Encoded: false,
    pathParameters: null,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    stageVariables: null,
    requestContext: {
      requestId: 'test-request',
      identity: { sourceIp: '127.0.0.1' },
    } as APIGatewayProxyEvent['requestContext'],
    ...overrides,
  };
}

export function jsonEvent(body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  return apiGatewayEvent({ body, headers });
}
