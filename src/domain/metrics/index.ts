export { computeMetrics, metricsOf, roundedShare, DEFAULT_WINDOW_DAYS } from './compute-metrics';
export { InvalidMetricsInputError } from './errors';
export { LARGE_PR_LINES } from './pull-request-facts';
export type { ActivityFacts, DateRun, Metrics, MetricsInput, MetricsResult, WeekActivity } from './types';
