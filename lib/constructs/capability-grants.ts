import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { SecretName } from '../../src/config';
import type { Capability } from '../../src/routes';
import { grantSecretRead, type ReadableSecret } from './app-secrets';
import type { AppTable } from './app-table';
import type { JobQueues } from './job-queues';
import type { MailSender } from './mail-sender';
import type { OrganizationSchedules } from './organization-schedules';
import type { AppUserPool } from './user-pool';

/** What a route's or a job's capabilities are granted on. */
export interface GrantTargets {
  readonly table: AppTable;
  readonly userPool: AppUserPool;
  readonly mail: MailSender;
  readonly queues: JobQueues;
  readonly schedules: OrganizationSchedules;
  /** The secrets functions may read; one left out (not configured) is granted to nobody. */
  readonly secrets: Partial<Record<SecretName, ReadableSecret>>;
}

/** `table:write` → `table`, `cognito:AdminGetUser` → `cognito`. */
type CapabilityKind = Capability extends `${infer Kind}:${string}` ? Kind : never;
/** The capabilities of one kind without their prefix: `cognito` → `AdminGetUser` | …. */
type DetailOf<K extends CapabilityKind> = Capability extends infer C ? (C extends `${K}:${infer Detail}` ? Detail : never) : never;
type Grant<K extends CapabilityKind> = (fn: LambdaFunction, targets: GrantTargets, details: readonly DetailOf<K>[]) => void;

/**
 * Every kind of capability a route or a job may declare, and what it grants.
 * The mapped type makes a kind added to `Capability` without a grant here a
 * compile error instead of a function that fails with AccessDenied.
 */
const CAPABILITY_GRANTS: { readonly [K in CapabilityKind]: Grant<K> } = {
  // Write implies read; granting both would leave a redundant read statement.
  table: (fn, { table }, access) => table.grantTo(fn, access.includes('write') ? 'read-write' : 'read'),
  // One statement naming exactly the admin actions the function's code sends.
  cognito: (fn, { userPool }, actions) => userPool.grantAdminTo(fn, actions),
  email: (fn, { mail }) => mail.grantSendTo(fn),
  queue: (fn, { queues }, sends) => {
    for (const send of sends) queues.grantSendTo(fn, send.slice('send:'.length));
  },
  schedule: (fn, { schedules }, jobNames) => {
    for (const jobName of jobNames) schedules.grantManageTo(fn, jobName);
  },
  secret: (fn, { secrets }, names) => {
    for (const name of names) {
      const secret = secrets[name];
      if (secret) grantSecretRead(fn, name, secret);
    }
  },
};

function grantKind<K extends CapabilityKind>(kind: K, fn: LambdaFunction, uses: readonly Capability[], targets: GrantTargets): void {
  const prefix = `${kind}:`;
  const details = [...new Set(uses)].filter((use) => use.startsWith(prefix)).map((use) => use.slice(prefix.length) as DetailOf<K>);
  if (details.length > 0) CAPABILITY_GRANTS[kind](fn, targets, details);
}

/** Grants a function exactly what its `uses` lists, and nothing else. */
export function grantCapabilities(fn: LambdaFunction, uses: readonly Capability[], targets: GrantTargets): void {
  for (const kind of Object.keys(CAPABILITY_GRANTS) as CapabilityKind[]) grantKind(kind, fn, uses, targets);
}
