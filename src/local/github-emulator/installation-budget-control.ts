import * as z from 'zod';
import { installationClient, type AppSide } from './app-routes';
import { invalid, type ControlAnswer } from './app-controls';
import type { Store } from './model';
import type { RateLimiter } from './rate-limit';

/**
 * `POST /_emulator/installations/{id}/rate-limit` `{"remaining": n}` → 200
 * `{limit, remaining, reset, used}`: spends one installation's `core` budget
 * down to `n` for the rest of its window, as if its tokens had made the
 * requests. Every other installation, app and user keeps its own budget, so
 * a test can show one tenant running dry while another still answers.
 */
const Spend = z.object({ remaining: z.number().int().min(0) });

export function handleInstallationBudgetControl(
  route: string,
  body: unknown,
  parts: { readonly side: AppSide; readonly store: Store; readonly core: RateLimiter; readonly now: number },
): ControlAnswer | undefined {
  const matched = /^POST \/_emulator\/installations\/(\d+)\/rate-limit$/.exec(route);
  if (!matched) return undefined;
  const installed = parts.side.installations.get(Number(matched[1]));
  if (!installed) return { status: 404, body: { message: 'No such installation' } };
  const parsed = Spend.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const quota = parts.core.spend(installationClient(parts.side, parts.store, installed), parsed.data.remaining, parts.now);
  return { status: 200, body: quota };
}
