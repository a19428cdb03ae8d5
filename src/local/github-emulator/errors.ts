/** A dataset the emulator cannot serve: unreadable, not JSON, or not in the format of github-dataset.md. */
export class GithubDatasetError extends Error {
  constructor(
    message: string,
    /** One line per problem, `path: message`, when the file was JSON but not a dataset. */
    readonly problems: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    super(problems.length > 0 ? `${message}\n${problems.map((problem) => `  - ${problem}`).join('\n')}` : message, options);
    this.name = new.target.name;
  }
}
