/**
 * Arguments the metrics cannot work with. These are programming or
 * configuration faults (settings are validated before they reach the
 * domain), so callers let them surface as a 500 rather than map them.
 */
export class InvalidMetricsInputError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
