import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { maxMembersOf, type Plan } from '../domain/plans';
import type { TenantContext } from '../guard/tenant-context';
import { ConflictError } from '../errors';
import type { SettingsBody } from '../schemas/organization';
import { auditEntryPut } from './audit-log';
import { db, failedConditionIndexes, tableName, unexplainedWriteError } from './dynamo';
import { githubOrganizationCondition } from './github-connections';
import { tenantKeys } from './keys';

/**
 * Builds one SET (or REMOVE) per changed field, so two admins changing
 * different settings at the same moment both keep their change.
 */
function settingsUpdate(changes: SettingsBody) {
  const sets: string[] = [];
  const removes: string[] = [];
  const names: Record<string, string> = { '#settings': 'settings' };
  const values: Record<string, unknown> = {};
  const assign = (path: string[], value: unknown) => {
    const placeholder = `:v${Object.keys(values).length}`;
    const expression = path.map((part) => {
      names[`#${part}`] = part;
      return `#${part}`;
    });
    sets.push(`#settings.${expression.join('.')} = ${placeholder}`);
    values[placeholder] = value;
  };
  for (const [field, value] of Object.entries(changes)) {
    if (field === 'visibilityRules' && value && typeof value === 'object') {
      for (const [rule, visibility] of Object.entries(value)) assign(['visibilityRules', rule], visibility);
    } else if (field === 'githubOrganization' && value === null) {
      names['#githubOrganization'] = 'githubOrganization';
      removes.push('#settings.#githubOrganization');
    } else {
      assign([field], value);
    }
  }
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
  return { expression, names, values };
}

export async function updateSettings(tenant: TenantContext, changes: SettingsBody, now: Date): Promise<void> {
  const { expression, names, values } = settingsUpdate(changes);
  const githubOrganization = changes.githubOrganization;
  // A connected organization reads only its installation's account (contract: 409 for any other).
  const held = githubOrganization !== undefined ? githubOrganizationCondition(githubOrganization) : undefined;
  const allValues = { ...values, ...held?.values };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: tenantKeys.organization(tenant),
              UpdateExpression: expression,
              ConditionExpression: held ? `attribute_exists(PK) AND ${held.expression}` : 'attribute_exists(PK)',
              ExpressionAttributeNames: names,
              ...(Object.keys(allValues).length ? { ExpressionAttributeValues: allValues } : {}),
            },
          },
          auditEntryPut(
            tenant,
            {
              event: 'SETTINGS_UPDATED',
              resource: `organization/${tenant.orgId}`,
              result: 'SUCCESS',
              severity: 'MEDIUM',
              details: { changes },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (githubOrganization !== undefined && failedConditionIndexes(error)?.includes(0)) {
      const message =
        githubOrganization === null
          ? 'This organization is connected to GitHub; disconnect it (DELETE /integrations/github) instead'
          : `Connect GitHub to ${githubOrganization} first: the GitHub organization is the connected account's, set by connecting`;
      throw new ConflictError(message, { cause: error });
    }
    throw unexplainedWriteError(error);
  }
}

/** Changes the plan; a smaller plan is refused while members and pending invitations exceed it. */
export async function changePlan(tenant: TenantContext, plan: Plan, now: Date): Promise<void> {
  const limit = maxMembersOf(plan);
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: tenantKeys.organization(tenant),
              UpdateExpression: 'SET #plan = :plan, maxMembers = :limit',
              ConditionExpression: limit === null ? 'attribute_exists(PK)' : 'seatsUsed <= :limit',
              ExpressionAttributeNames: { '#plan': 'plan' },
              ExpressionAttributeValues: { ':plan': plan, ':limit': limit },
            },
          },
          auditEntryPut(
            tenant,
            { event: 'PLAN_CHANGED', resource: `organization/${tenant.orgId}`, result: 'SUCCESS', severity: 'MEDIUM', details: { plan } },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (failedConditionIndexes(error)?.includes(0)) {
      throw new ConflictError(
        `The ${plan} plan allows ${limit} members, fewer than your members and pending invitations; remove some first`,
        { cause: error },
      );
    }
    throw unexplainedWriteError(error);
  }
}
