import { afterEach, describe, expect, it, vi } from 'vitest';
import { enableMetrics, metricsEnabled, recordRequestMetrics } from '../../../src/http/metrics';

function captureOutput() {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
  }
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
  enableMetrics(false);
});

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

describe('request metrics', () => {
  it('are off by default, so local mode and tests print no EMF', () => {
    const lines = captureOutput();
    expect(metricsEnabled()).toBe(false);
    recordRequestMetrics('GET /me', 200, 12, 1);
    expect(lines).toEqual([]);
  });

  it('publish one EMF line per request, dimensioned by route, when enabled', () => {
    const lines = captureOutput();
    enableMetrics(true);
    recordRequestMetrics('GET /me', 503, 42, 3);
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0]!) as Emf;
    const [directive] = emf._aws.CloudWatchMetrics;
    expect(directive!.Namespace).toBe('DevInsights');
    expect(directive!.Dimensions.flat()).toEqual(expect.arrayContaining(['service', 'route']));
    expect(Object.fromEntries(directive!.Metrics.map((metric) => [metric.Name, metric.Unit]))).toEqual({
      Requests: 'Count',
      Errors5xx: 'Count',
      Errors4xx: 'Count',
      Latency: 'Milliseconds',
      DynamoDbCalls: 'Count',
    });
    expect(emf).toMatchObject({
      service: 'devinsights',
      route: 'GET /me',
      Requests: 1,
      Errors5xx: 1,
      Errors4xx: 0,
      Latency: 42,
      DynamoDbCalls: 3,
    });
  });

  it('do not carry one request\'s route into the next', () => {
    const lines = captureOutput();
    enableMetrics(true);
    recordRequestMetrics('GET /me', 200, 5, 1);
    recordRequestMetrics('POST /auth/login', 401, 7, 2);
    expect(lines).toHaveLength(2);
    const second = JSON.parse(lines[1]!) as Emf;
    expect(second).toMatchObject({ route: 'POST /auth/login', Errors4xx: 1, Errors5xx: 0 });
    expect(second._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'route']]);
  });
});
