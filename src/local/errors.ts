/**
 * A start-up failure the developer can act on (a port in use, an emulator
 * that crashed). `npm start` prints its message, and the emulator's log tail
 * when there is one, without a stack trace, and exits with code 1.
 */
export class LocalStackError extends Error {
  constructor(
    message: string,
    /** Extra lines worth showing, e.g. the end of an emulator's log. */
    readonly details?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
