/**
 * What can go wrong putting work on a job's queue. All are faults (a 500 in a
 * route, a retried run in a job): a producer sends what its own code built.
 */
export class QueueNotConfiguredError extends Error {
  constructor(readonly jobName: string, readonly variable: string) {
    super(`${variable} is not set: the function that enqueues ${jobName} must declare queue:send:${jobName}`);
    this.name = 'QueueNotConfiguredError';
  }
}

/** The body is not the job's message; sending it would only have it dropped by the worker. */
export class QueueMessageInvalidError extends Error {
  constructor(readonly jobName: string, readonly issues: readonly string[]) {
    super(`Not a ${jobName} message: ${issues.join('; ')}`);
    this.name = 'QueueMessageInvalidError';
  }
}

export class QueueSendError extends Error {
  constructor(readonly jobName: string, readonly failed: number, options?: ErrorOptions) {
    super(`${failed} message(s) for ${jobName} could not be sent`, options);
    this.name = 'QueueSendError';
  }
}
