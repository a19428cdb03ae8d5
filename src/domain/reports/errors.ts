/**
 * Faults of the report builders. Programming faults, not outcomes a client
 * can cause, so callers let them surface as a 500 rather than map them.
 */
export class InvalidReportInputError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An anonymous report still names someone after every sentence naming them
 * was dropped: refused rather than served. The message gives the field's
 * path, never the name.
 */
export class AnonymizationError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`Anonymous report would name a person at ${paths.join(', ')}`);
    this.name = new.target.name;
  }
}
