import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLogLevel } from '../../../src/http/logger';
import { progressLine, reportSyncProgress, setSyncProgressReporter, type SyncProgress } from '../../../src/services/sync-progress';

const repository = (deployments: number | null): SyncProgress => ({ kind: 'repository', repo: 'techstartup/api', requests: 7, notModified: 2, slices: 4, deployments, seconds: 0.312 });

let restore: () => void = () => undefined;
// The restored reporter writes a JSON log line: not wanted in the test's output.
beforeAll(() => setLogLevel('error'));
afterEach(() => restore());

describe('the sync progress line', () => {
  it.each([
    [repository(3), 'sync techstartup/api: 7 requests (2 not modified), 4 slices, 3 deployments, 0.3 s'],
    [repository(null), 'sync techstartup/api: 7 requests (2 not modified), 4 slices, 0.3 s'],
    [{ ...repository(1), requests: 1, notModified: 1, slices: 1 }, 'sync techstartup/api: 1 request (1 not modified), 1 slice, 1 deployment, 0.3 s'],
    [{ kind: 'finished', account: 'techstartup', repositories: 5, requests: 31, notModified: 0, seconds: 2.04 }, 'sync techstartup finished: 5 repositories, 31 requests (0 not modified), 2.0 s'],
    [{ kind: 'finished', account: 'techstartup', repositories: 1, requests: 2, notModified: 1, seconds: 0.05 }, 'sync techstartup finished: 1 repository, 2 requests (1 not modified), 0.1 s'],
  ] as const)('It should say %j in one line', (event, line) => {
    expect(progressLine(event)).toBe(line);
  });

  it('It should hand every event to the reporter the local stack set, and to the log line again once it is restored', () => {
    const seen: SyncProgress[] = [];
    restore = setSyncProgressReporter((event) => seen.push(event));

    reportSyncProgress(repository(3));
    restore();
    reportSyncProgress(repository(0));

    expect(seen).toEqual([repository(3)]);
  });
});
