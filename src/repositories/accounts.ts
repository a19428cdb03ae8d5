import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_VERIFICATION_ATTEMPTS, MAX_VERIFICATION_CLIENTS, type PendingCode } from '../domain/verification-code';
import { ConflictError } from '../errors';
import { batchGetItems, db, isConditionalCheckFailure, tableName } from './dynamo';
import { lookupKeys } from './keys';

/**
 * An email's account: the lookup that exists before any organization is
 * known (login, verification, invitations to an existing person). It also
 * makes emails unique: a signup first reserves the address here.
 */
export type AccountStatus = 'reserved' | 'pending_verification' | 'active';

export type PendingVerification = PendingCode;

export interface Account {
  readonly email: string;
  readonly userId?: string;
  readonly status: AccountStatus;
  readonly verification?: PendingVerification;
}

/** A reservation left by a crashed signup is taken over after this long. */
const STALE_RESERVATION_MS = 5 * 60 * 1000;

export async function reserveEmail(email: string, reservationId: string, now: Date): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...lookupKeys.emailAccount(email),
          email,
          status: 'reserved',
          reservationId,
          reservedAt: now.getTime(),
          ttl: Math.floor((now.getTime() + STALE_RESERVATION_MS * 3) / 1000),
        },
        ConditionExpression: 'attribute_not_exists(PK) OR (#status = :reserved AND reservedAt < :staleBefore)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':reserved': 'reserved', ':staleBefore': now.getTime() - STALE_RESERVATION_MS },
      }),
    );
  } catch (error) {
    if (isConditionalCheckFailure(error)) {
      throw new ConflictError('An account with this email already exists', { cause: error });
    }
    throw error;
  }
}

export async function releaseEmailReservation(email: string, reservationId: string): Promise<void> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: lookupKeys.emailAccount(email),
        ConditionExpression: 'reservationId = :reservationId AND #status = :reserved',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':reservationId': reservationId, ':reserved': 'reserved' },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
  }
}

/** The transaction item that turns a reservation into an account awaiting verification. */
export function pendingAccountPut(args: {
  email: string;
  userId: string;
  reservationId: string;
  verification: PendingVerification;
}) {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...lookupKeys.emailAccount(args.email),
        email: args.email,
        userId: args.userId,
        status: 'pending_verification',
        verification: args.verification,
      },
      ConditionExpression: 'reservationId = :reservationId',
      ExpressionAttributeValues: { ':reservationId': args.reservationId },
    },
  };
}

export async function findAccountByEmail(email: string): Promise<Account | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: lookupKeys.emailAccount(email) }));
  if (!Item) return undefined;
  return {
    email: Item['email'] as string,
    userId: Item['userId'] as string | undefined,
    status: Item['status'] as AccountStatus,
    verification: Item['verification'] as PendingVerification | undefined,
  };
}

/**
 * Spends one of the code's attempts for this client before the code is
 * compared, atomically, so parallel guesses cannot all slip under the limit.
 * The condition is `mayTryCode` (src/domain/verification-code.ts). False
 * when this client may not try (or the code was replaced meanwhile).
 */
export async function claimVerificationAttempt(email: string, codeHash: string, clientKey: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lookupKeys.emailAccount(email),
        UpdateExpression: 'ADD verification.attempts :one SET verification.clients.#client = if_not_exists(verification.clients.#client, :zero) + :one',
        ConditionExpression: [
          '#status = :pending AND verification.codeHash = :codeHash',
          '(attribute_not_exists(verification.clients.#client) OR verification.clients.#client < :max)',
          '(verification.attempts < :max OR (attribute_not_exists(verification.clients.#client) AND size(verification.clients) < :maxClients))',
        ].join(' AND '),
        ExpressionAttributeNames: { '#status': 'status', '#client': clientKey },
        ExpressionAttributeValues: {
          ':one': 1,
          ':zero': 0,
          ':pending': 'pending_verification',
          ':codeHash': codeHash,
          ':max': MAX_VERIFICATION_ATTEMPTS,
          ':maxClients': MAX_VERIFICATION_CLIENTS,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** True when this call verified the account; false when a concurrent call already had. */
export async function markAccountVerified(email: string, codeHash: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lookupKeys.emailAccount(email),
        UpdateExpression: 'SET #status = :active REMOVE verification',
        ConditionExpression: 'verification.codeHash = :codeHash',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':codeHash': codeHash },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Replaces the code only if nobody else did since `previousSentAt` (one email per resend window). */
export async function replaceVerificationCode(
  email: string,
  verification: PendingVerification,
  previousSentAt: number,
): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lookupKeys.emailAccount(email),
        UpdateExpression: 'SET verification = :verification',
        ConditionExpression: '#status = :pending AND verification.sentAt = :previousSentAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':verification': verification,
          ':pending': 'pending_verification',
          ':previousSentAt': previousSentAt,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** Accounts of several emails in one BatchGet (≤ 100 per call). */
export async function findAccountsByEmail(emails: readonly string[]): Promise<Map<string, Account>> {
  const found = new Map<string, Account>();
  const keys = emails.map((email) => ({ ...lookupKeys.emailAccount(email) }));
  for (const item of await batchGetItems(keys)) {
    found.set(item['email'] as string, {
      email: item['email'] as string,
      userId: item['userId'] as string | undefined,
      status: item['status'] as AccountStatus,
    });
  }
  return found;
}

/** The transaction item that turns a reservation into a verified account (the invitation proved the address). */
export function activeAccountPut(args: { email: string; userId: string; reservationId: string }) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...lookupKeys.emailAccount(args.email), email: args.email, userId: args.userId, status: 'active' },
      ConditionExpression: 'reservationId = :reservationId',
      ExpressionAttributeValues: { ':reservationId': args.reservationId },
    },
  };
}

/** An invitation email reached this address, which verifies it as well as a code would. */
export async function activateAccount(email: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: lookupKeys.emailAccount(email),
      UpdateExpression: 'SET #status = :active REMOVE verification',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'active' },
    }),
  );
}
