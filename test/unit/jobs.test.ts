import { describe, expect, it } from 'vitest';
import { isQueueJob, jobs, queueSettingsProblems, queueUrlVariable, type JobDefinition } from '../../src/jobs';
import { fixtureQueueJob } from '../fixtures/queue-worker';

describe('the job table’s queue jobs', () => {
  it('It should give every queue job settings within SQS’s and Lambda’s limits', () => {
    expect((jobs as readonly JobDefinition[]).filter(isQueueJob).flatMap(queueSettingsProblems)).toEqual([]);
  });

  it('It should find nothing wrong with the test fixture’s settings', () => {
    expect(queueSettingsProblems(fixtureQueueJob)).toEqual([]);
  });

  it.each([
    [{ batchSize: 11 }, 'batchSize 11 is not 1–10'],
    [{ maxConcurrency: 1 }, 'maxConcurrency 1 is not 2–1000'],
    [{ visibilityTimeoutSeconds: 30 }, 'visibilityTimeoutSeconds 30 is not 60–43200 (6 × timeoutSeconds)'],
    [{ maxReceiveCount: 0 }, 'maxReceiveCount 0 is not 1–1000'],
    [{ messageConcurrency: 6 }, 'messageConcurrency 6 is not 1–batchSize'],
  ])('It should refuse %o', (settings, problem) => {
    const entry = { ...fixtureQueueJob, trigger: { queue: { ...fixtureQueueJob.trigger.queue, ...settings } } };

    expect(queueSettingsProblems(entry)).toEqual([`Job fixture-queue: ${problem}`]);
  });

  it.each([
    ['github-sync', 'QUEUE_URL_GITHUB_SYNC'],
    ['fixture-queue', 'QUEUE_URL_FIXTURE_QUEUE'],
    ['a.b c', 'QUEUE_URL_A_B_C'],
  ])('It should name the queue URL variable of %s %s', (name, variable) => {
    expect(queueUrlVariable(name)).toBe(variable);
  });
});
