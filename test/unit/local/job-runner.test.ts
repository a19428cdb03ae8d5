import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../src/http/logger';
import { jobs } from '../../../src/jobs';
import { rateIntervalMs, startJobRunner } from '../../../src/local/job-runner';

describe('the local job runner', () => {
  it.each([
    ['rate(1 hour)', 3_600_000],
    ['rate(15 minutes)', 900_000],
    ['rate(1 minute)', 60_000],
    ['rate(2 days)', 172_800_000],
  ])('It should run a job scheduled %s every %i ms', (schedule, ms) => {
    expect(rateIntervalMs(schedule)).toBe(ms);
  });

  it.each(['cron(0 * * * ? *)', 'rate(0 hours)', 'rate(1 fortnight)', 'rate(hour)'])('It should refuse the schedule %s, naming what it understands', (schedule) => {
    expect(() => rateIntervalMs(schedule)).toThrow(/understands rate\(<n> minute\|hour\|day\[s\]\)/);
  });

  it('It should understand the schedule of every scheduled job in the job table', () => {
    for (const job of jobs) if ('schedule' in job.trigger) expect(rateIntervalMs(job.trigger.schedule)).toBeGreaterThan(0);
  });
});

describe('the local job runner on its timers', () => {
  const hourly = { ...jobs[0], trigger: { schedule: 'rate(1 hour)' } } as const;

  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('It should run a job on each interval and never before the first has passed', async () => {
    const run = vi.fn(async () => ({}));
    const runner = startJobRunner([hourly], run);
    await vi.advanceTimersByTimeAsync(3_599_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    runner.stop();
  });

  it('It should log a run that fails, carry on, and run it again on the next interval', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const run = vi.fn(async () => Promise.reject(new Error('DynamoDB Local went away')));
    const runner = startJobRunner([hourly], run);
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledWith('Local job run failed', expect.objectContaining({ job: 'sweep-expired-signups' }));
    runner.stop();
    logged.mockRestore();
  });

  it('It should not start a run while the previous one still goes', async () => {
    let finish: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const runner = startJobRunner([hourly], run);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    runner.stop();
  });

  it('It should run nothing more once stopped', async () => {
    const run = vi.fn(async () => ({}));
    startJobRunner([hourly], run).stop();
    await vi.advanceTimersByTimeAsync(5 * 3_600_000);
    expect(run).not.toHaveBeenCalled();
  });
});
