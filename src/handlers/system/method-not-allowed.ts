import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { MethodNotAllowedError } from '../../errors';
import { errorResult, toApiGatewayResult } from '../../http/responses';
import { routes } from '../../routes';

/**
 * API Gateway sends a method a resource does not have here (an `ANY` method
 * beside the real ones), so a wrong method answers 405 JSON, as locally.
 */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const allowed = routes.filter((route) => route.path === event.resource).map((route) => route.method);
  const requestId = event.requestContext?.requestId ?? randomUUID();
  return toApiGatewayResult(errorResult(new MethodNotAllowedError(allowed)), requestId);
}
