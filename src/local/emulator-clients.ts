/**
 * AWS SDK client options for talking to an emulator while the stack starts:
 * placeholder credentials (a developer's real ones never reach it), and
 * short timeouts with no retries, because the readiness checks poll anyway.
 */
export function emulatorClientOptions(endpoint: string, region: string) {
  return {
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
  };
}
