/**
 * What DevInsights keeps of one GitHub webhook delivery: enough for the sync
 * to know which repository changed, and the payload itself while it is
 * small. Pure: the receiver hands in the parsed body and the clock.
 */
export interface GithubDelivery {
  readonly deliveryId: string;
  readonly event: string;
  readonly action: string | undefined;
  /** Undefined for the few events sent to the app itself rather than for an installation. */
  readonly installationId: number | undefined;
  readonly repository: string | undefined;
  readonly senderLogin: string | undefined;
  readonly receivedAt: Date;
  /** The raw body, when at most MAX_KEPT_PAYLOAD_BYTES; larger ones keep only the fields above. */
  readonly payload: string | undefined;
  readonly payloadBytes: number;
}

/**
 * A push of many commits can reach GitHub's 25 MB cap; a DynamoDB item holds
 * 400 KB. The sync re-reads GitHub anyway, so beyond this size only the
 * summary is kept.
 */
export const MAX_KEPT_PAYLOAD_BYTES = 32 * 1024;

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value.slice(0, 256) : undefined);
const positiveInteger = (value: unknown): number | undefined => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined);

export function describeDelivery(input: { deliveryId: string; event: string; rawBody: string; payload: object; receivedAt: Date }): GithubDelivery {
  const { payload, rawBody } = input;
  const payloadBytes = Buffer.byteLength(rawBody, 'utf8');
  return {
    deliveryId: input.deliveryId,
    event: input.event,
    action: text(field(payload, 'action')),
    installationId: positiveInteger(field(field(payload, 'installation'), 'id')),
    repository: text(field(field(payload, 'repository'), 'full_name')),
    senderLogin: text(field(field(payload, 'sender'), 'login')),
    receivedAt: input.receivedAt,
    payload: payloadBytes <= MAX_KEPT_PAYLOAD_BYTES ? rawBody : undefined,
    payloadBytes,
  };
}
