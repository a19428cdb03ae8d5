import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ttlOf } from '../domain/pending-signup';
import type { PendingCode } from '../domain/verification-code';
import { ConflictError } from '../errors';
import { batchGetItems, db, failedConditionIndexes, isConditionalCheckFailure, tableName, unexplainedWriteError } from './dynamo';
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
  /** While `pending_verification`: when the signup stops holding the address (epoch ms). */
  readonly pendingUntil?: number;
  /** While `pending_verification`: the signup's organization and its name's key. */
  readonly organizationId?: string;
  readonly organizationNameKey?: string;
}

/** An unverified signup, as far as taking over its address and name needs to know it. */
export interface PendingSignup {
  readonly email: string;
  readonly userId: string;
  readonly organizationId: string;
  readonly organizationNameKey: string;
}

/** A code stored before attempts were kept per client has no `clients`: nobody tried it per client yet. */
function verificationOf(stored: unknown): PendingVerification | undefined {
  if (!stored) return undefined;
  const verification = stored as Omit<PendingVerification, 'clients'> & { clients?: PendingVerification['clients'] };
  return { ...verification, clients: verification.clients ?? {} };
}

function toAccount(Item: Record<string, unknown>): Account {
  return {
    email: Item['email'] as string,
    userId: Item['userId'] as string | undefined,
    status: Item['status'] as AccountStatus,
    verification: verificationOf(Item['verification']),
    pendingUntil: Item['pendingUntil'] as number | undefined,
    organizationId: Item['organizationId'] as string | undefined,
    organizationNameKey: Item['organizationNameKey'] as string | undefined,
  };
}

/** The pending signup an account item belongs to, if it is one. */
export function pendingSignupOf(account: Account | undefined): PendingSignup | undefined {
  if (account?.status !== 'pending_verification' || !account.userId || !account.organizationId || !account.organizationNameKey) {
    return undefined;
  }
  return { email: account.email, userId: account.userId, organizationId: account.organizationId, organizationNameKey: account.organizationNameKey };
}

/** A reservation left by a crashed signup is taken over after this long. */
const STALE_RESERVATION_MS = 5 * 60 * 1000;

/**
 * Reserves the address for a signup or a new member. Free is: no account, a
 * reservation left by a crashed request, or a pending signup past its
 * `pendingUntil` (whatever DynamoDB's TTL has done). `heldBy` also frees the
 * pending signup of that user (an invitation proved the address). Returns the
 * pending signup that was taken over, so the caller can discard it.
 */
export async function reserveEmail(
  email: string,
  reservationId: string,
  now: Date,
  heldBy?: string,
): Promise<PendingSignup | undefined> {
  try {
    const { Attributes } = await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...lookupKeys.emailAccount(email),
          email,
          status: 'reserved',
          reservationId,
          reservedAt: now.getTime(),
          ttl: ttlOf(now.getTime() + STALE_RESERVATION_MS * 3),
        },
        ConditionExpression: [
          'attribute_not_exists(PK)',
          '(#status = :reserved AND reservedAt < :staleBefore)',
          '(#status = :pending AND pendingUntil <= :now)',
          ...(heldBy ? ['(#status = :pending AND userId = :heldBy)'] : []),
        ].join(' OR '),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':reserved': 'reserved',
          ':pending': 'pending_verification',
          ':staleBefore': now.getTime() - STALE_RESERVATION_MS,
          ':now': now.getTime(),
          ...(heldBy ? { ':heldBy': heldBy } : {}),
        },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes ? pendingSignupOf(toAccount(Attributes)) : undefined;
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

/**
 * The transaction item that turns a reservation into an account awaiting
 * verification. It holds the address until `pendingUntil`; the `ttl` lets
 * DynamoDB delete it some time after that.
 */
export function pendingAccountPut(args: {
  email: string;
  userId: string;
  reservationId: string;
  verification: PendingVerification;
  organizationId: string;
  organizationNameKey: string;
  pendingUntil: number;
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
        organizationId: args.organizationId,
        organizationNameKey: args.organizationNameKey,
        pendingUntil: args.pendingUntil,
        ttl: ttlOf(args.pendingUntil),
      },
      ConditionExpression: 'reservationId = :reservationId',
      ExpressionAttributeValues: { ':reservationId': args.reservationId },
    },
  };
}

export async function findAccountByEmail(email: string): Promise<Account | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: lookupKeys.emailAccount(email) }));
  return Item ? toAccount(Item) : undefined;
}

/**
 * Turns a pending signup into an active account, and its organization name
 * into a permanent one, in one transaction: neither is left to expire while
 * the other stays. `codeHash`: only while this code is the current one (a
 * verification); without it, the address was proved another way (an
 * invitation). True when this call activated the account; false when it was
 * no longer pending (a concurrent verification, or a takeover after expiry).
 */
export async function activatePendingAccount(account: Account, now: Date, codeHash?: string): Promise<boolean> {
  const items = [
    {
      Update: {
        TableName: tableName(),
        Key: lookupKeys.emailAccount(account.email),
        UpdateExpression: 'SET #status = :active REMOVE verification, pendingUntil, organizationId, organizationNameKey, #ttl',
        ConditionExpression: [
          '#status = :pending AND userId = :userId',
          '(attribute_not_exists(pendingUntil) OR pendingUntil > :now)',
          ...(codeHash ? ['verification.codeHash = :codeHash'] : []),
        ].join(' AND '),
        ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':active': 'active',
          ':pending': 'pending_verification',
          ':userId': account.userId,
          ':now': now.getTime(),
          ...(codeHash ? { ':codeHash': codeHash } : {}),
        },
      },
    },
    ...(account.organizationNameKey && account.organizationId
      ? [
          {
            Update: {
              TableName: tableName(),
              Key: lookupKeys.organizationName(account.organizationNameKey),
              UpdateExpression: 'SET #status = :active REMOVE pendingUntil, #ttl',
              ConditionExpression: 'organizationId = :organizationId',
              ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
              ExpressionAttributeValues: { ':active': 'active', ':organizationId': account.organizationId },
            },
          },
        ]
      : []),
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (failedConditionIndexes(error)?.includes(0)) return false;
    throw unexplainedWriteError(error);
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
