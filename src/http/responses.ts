import type { APIGatewayProxyResult } from 'aws-lambda';
import { FirstSyncPendingError, ValidationError, type AppError } from '../errors';
import { headersOf, statusOf } from './error-responses';

export interface HttpResult {
  readonly statusCode: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Raw bytes (e.g. a PDF): sent base64-encoded, as API Gateway expects. */
  readonly binary?: { readonly contentType: string; readonly data: Uint8Array };
}

export const ok = (body: unknown): HttpResult => ({ statusCode: 200, body });
export const created = (body: unknown): HttpResult => ({ statusCode: 201, body });
export const accepted = (body: unknown): HttpResult => ({ statusCode: 202, body });
export const noContent = (): HttpResult => ({ statusCode: 204 });

const BASE_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function toApiGatewayResult(result: HttpResult, requestId: string): APIGatewayProxyResult {
  const headers = { ...BASE_HEADERS, 'x-request-id': requestId, ...result.headers };
  if (result.binary) {
    return {
      statusCode: result.statusCode,
      headers: { ...headers, 'content-type': result.binary.contentType },
      body: Buffer.from(result.binary.data).toString('base64'),
      isBase64Encoded: true,
    };
  }
  if (result.body === undefined) return { statusCode: result.statusCode, headers, body: '' };
  return {
    statusCode: result.statusCode,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(result.body),
  };
}

/** The contract's error shape, for errors we chose to show. */
export function errorResult(error: AppError): HttpResult {
  // Not an error to the client: the contract's 202 while the first sync runs.
  if (error instanceof FirstSyncPendingError) return { statusCode: 202, body: { success: true, status: 'syncing', sync: error.sync }, headers: headersOf(error) };
  const body: Record<string, unknown> = { success: false, error: error.message, code: error.code };
  if (error instanceof ValidationError) body['details'] = error.details;
  return { statusCode: statusOf(error) ?? 500, body, headers: headersOf(error) };
}

export function internalErrorResult(requestId: string): HttpResult {
  return {
    statusCode: 500,
    body: { success: false, error: 'Something went wrong on our side', code: 'INTERNAL', requestId },
  };
}
