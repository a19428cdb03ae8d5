import * as z from 'zod';

/** GitHub's setup redirect (`setup_action`: install, update or request). */
export const GithubCallbackQuery = z.object({
  installation_id: z.coerce.number().int().positive(),
  setup_action: z.string().max(32).optional(),
  code: z.string().min(1).max(256),
  state: z.string().min(1).max(1024),
});
export type GithubCallbackQuery = z.infer<typeof GithubCallbackQuery>;

/* Success bodies (see src/schemas/auth.ts on response schemas). */

const GithubAccount = z.object({ login: z.string(), type: z.string() }).strict();

/** `POST /integrations/github/connect`: GitHub's install page, carrying the signed state. */
export const GithubInstallLink = z.object({ installUrl: z.url() }).strict().meta({ id: 'GithubInstallLink' });
export type GithubInstallLink = z.infer<typeof GithubInstallLink>;

/** `GET /integrations/github/callback` with `accept: application/json` (otherwise a 302 to the settings page). */
export const GithubConnected = z
  .object({ success: z.literal(true), connected: z.literal(true), account: GithubAccount })
  .strict()
  .meta({ id: 'GithubConnected' });

/** `GET /integrations/github`: `{connected:false}` alone until an installation is bound; `rateLimit` null when GitHub could not be asked. */
export const GithubConnection = z
  .discriminatedUnion('connected', [
    z.object({ connected: z.literal(false) }).strict(),
    z
      .object({
        connected: z.literal(true),
        account: GithubAccount,
        repositorySelection: z.string().meta({ description: '`all` or `selected`' }),
        installationId: z.number().int(),
        rateLimit: z.object({ limit: z.number().int(), remaining: z.number().int(), resetAt: z.iso.datetime() }).strict().nullable(),
        lastSync: z.iso.datetime().nullable(),
      })
      .strict(),
  ])
  .meta({ id: 'GithubConnection' });
export type GithubConnection = z.infer<typeof GithubConnection>;

/** `POST /webhooks/github` (202): recorded (or already recorded: a redelivery). */
export const WebhookAccepted = z.object({ success: z.literal(true) }).strict().meta({ id: 'WebhookAccepted' });
