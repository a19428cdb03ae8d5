import type { TenantContext } from '../guard/tenant-context';
import { ValidationError } from '../errors';
import { sign, signatureMatches } from './secret-box';

/**
 * Page cursors signed for one organization and purpose: a forged one, or
 * one from another organization or another list, is refused.
 */
export async function encodeCursor(purpose: string, tenant: TenantContext, lastKey: string): Promise<string> {
  const position = Buffer.from(lastKey).toString('base64url');
  return `${position}.${await sign(purpose, `${tenant.orgId}|${lastKey}`)}`;
}

export async function decodeCursor(purpose: string, tenant: TenantContext, cursor: string): Promise<string> {
  const [position, signature, extra] = cursor.split('.');
  const lastKey = position ? Buffer.from(position, 'base64url').toString('utf8') : '';
  if (extra !== undefined || !signature || !lastKey || !(await signatureMatches(purpose, `${tenant.orgId}|${lastKey}`, signature))) {
    throw new ValidationError('Invalid cursor', [{ path: 'query.cursor', message: 'Not a cursor this server issued for you' }]);
  }
  return lastKey;
}
