import 'vitest';

/** What the global setup hands every test file: where the shared local stack runs. */
export interface StackInfo {
  readonly apiUrl: string;
  /** The web app (src/local/web-server.ts); the API's one CORS origin and APP_URL. */
  readonly webUrl: string;
  /** The SES emulator; its inbox is `GET <sesUrl>/store`. */
  readonly sesUrl: string;
  readonly cognitoUrl: string;
  /** The GitHub emulator, with its test controls (`/_emulator/*`). */
  readonly githubUrl: string;
  readonly dynamodbEndpoint: string;
  /** The SQS emulator (fauxqs); its queues are the queue jobs' (`GET <apiUrl>/_local/queues` counts them). */
  readonly sqsEndpoint: string;
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
