/**
 * CloudWatch metrics per route, as Embedded Metric Format lines written by
 * Powertools for AWS Lambda (namespace `DevInsights`, service `devinsights`).
 *
 * Off by default: Powertools itself only knows POWERTOOLS_METRICS_DISABLED and
 * POWERTOOLS_DEV (it publishes everywhere otherwise, local console included),
 * and only src/config.ts may read process.env. So publishing is an explicit
 * opt-in: the Lambda entry (via config()) calls `enableMetrics(true)`; the
 * local server and tests leave it off and print no EMF.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** One instance per process (a Lambda's cold start). */
export const metrics = new Metrics({ namespace: 'DevInsights', serviceName: 'devinsights' });

let enabled = false;

export function enableMetrics(on: boolean): void {
  enabled = on;
}

export function metricsEnabled(): boolean {
  return enabled;
}

interface WarnLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Publishes one EMF line for a request, dimensioned by route. Never throws:
 * metrics must not fail a request that already has its answer.
 */
export function recordRequestMetrics(
  routeKey: string,
  status: number,
  durationMs: number,
  dynamodbCalls: number,
  log?: WarnLogger,
): void {
  if (!enabled) return;
  try {
    // Synchronous from the dimension to the publish: no other request can interleave.
    metrics.addDimension('route', routeKey);
    metrics.addMetric('Requests', MetricUnit.Count, 1);
    metrics.addMetric('Errors5xx', MetricUnit.Count, status >= 500 ? 1 : 0);
    metrics.addMetric('Errors4xx', MetricUnit.Count, status >= 400 && status < 500 ? 1 : 0);
    metrics.addMetric('Latency', MetricUnit.Milliseconds, durationMs);
    metrics.addMetric('DynamoDbCalls', MetricUnit.Count, dynamodbCalls);
    metrics.publishStoredMetrics();
  } catch (error) {
    try {
      metrics.clearMetrics();
      metrics.clearDimensions();
    } catch {
      // nothing more to do
    }
    log?.warn('metrics not published', { error });
  }
}

/**
 * One `RateCounterUnavailable` count, dimensioned by counter: a limit that
 * could not be checked is an alarm, not only a log line. Never throws.
 */
export function recordRateCounterUnavailable(counter: string, log?: WarnLogger): void {
  if (!enabled) return;
  try {
    metrics.addDimension('counter', counter);
    metrics.addMetric('RateCounterUnavailable', MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
  } catch (error) {
    log?.warn('metrics not published', { error });
  }
}
