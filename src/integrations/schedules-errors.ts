/**
 * What can go wrong writing an organization's schedule. All are faults: the
 * code that schedules builds the schedule itself. Callers that must not fail
 * on them (connecting, disconnecting) log them; a schedule left behind is
 * removed by the worker when it fires for an organization no longer connected.
 */
export class ScheduleNotConfiguredError extends Error {
  constructor(readonly jobName: string, readonly variable: string) {
    super(`${variable} is not set: the function that schedules ${jobName} must declare schedule:${jobName}`);
    this.name = 'ScheduleNotConfiguredError';
  }
}

export class ScheduleWriteError extends Error {
  constructor(readonly jobName: string, readonly scheduleName: string, readonly action: 'put' | 'delete', options?: ErrorOptions) {
    super(`The ${jobName} schedule ${scheduleName} could not be ${action === 'put' ? 'written' : 'deleted'}`, options);
    this.name = 'ScheduleWriteError';
  }
}
