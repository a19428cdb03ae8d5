import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_VERIFICATION_ATTEMPTS, MAX_VERIFICATION_CLIENTS } from '../domain/verification-code';
import type { PendingVerification } from './accounts';
import { db, isConditionalCheckFailure, tableName } from './dynamo';
import { lookupKeys } from './keys';

/*
 * The pending verification code kept inside an email's account item
 * (`EMAIL#…/ACCOUNT`): its attempts, spent per client, and its replacement
 * by a resend. The account's own lifecycle is in accounts.ts.
 */

/**
 * Spends one of the code's attempts for this client before the code is
 * compared, atomically, so parallel guesses cannot all slip under the limit.
 * The condition is `mayTryCode` (src/domain/verification-code.ts). False
 * when this client may not try (or the code was replaced meanwhile).
 */
export async function claimVerificationAttempt(email: string, codeHash: string, clientKey: string): Promise<boolean> {
  try {
    return await claimAttempt(email, codeHash, clientKey);
  } catch (error) {
    // A code stored before attempts were kept per client has no `clients` map to add this client to.
    if (!(error instanceof Error && error.name === 'ValidationException')) throw error;
    await addClientsMap(email, codeHash);
    return claimAttempt(email, codeHash, clientKey);
  }
}

async function claimAttempt(email: string, codeHash: string, clientKey: string): Promise<boolean> {
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

async function addClientsMap(email: string, codeHash: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lookupKeys.emailAccount(email),
        UpdateExpression: 'SET verification.clients = :none',
        ConditionExpression: 'verification.codeHash = :codeHash AND attribute_not_exists(verification.clients)',
        ExpressionAttributeValues: { ':none': {}, ':codeHash': codeHash },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
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
