import 'vitest';

/** What the global setup hands every test file: where the shared local stack runs. */
export interface StackInfo {
  readonly apiUrl: string;
  /** The SES emulator; its inbox is `GET <sesUrl>/store`. */
  readonly sesUrl: string;
  readonly cognitoUrl: string;
  /** The GitHub emulator, with its test controls (`/_emulator/*`). */
  readonly githubUrl: string;
  readonly dynamodbEndpoint: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly issuer: string;
  readonly tableName: string;
  readonly region: string;
  readonly dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}
