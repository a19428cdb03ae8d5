import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request bookkeeping that deep code contributes to without passing it
 * around: the DynamoDB operations a request made, counted by an SDK
 * middleware, logged with the request and checked against budgets in tests.
 */
export interface RequestScope {
  readonly dynamodbOperations: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(work: () => Promise<T>): Promise<T> {
  return storage.run({ dynamodbOperations: [] }, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
