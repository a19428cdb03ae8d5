import * as z from 'zod';

/** GitHub's setup redirect (`setup_action`: install, update or request). */
export const GithubCallbackQuery = z.object({
  installation_id: z.coerce.number().int().positive(),
  setup_action: z.string().max(32).optional(),
  code: z.string().min(1).max(256),
  state: z.string().min(1).max(1024),
});
export type GithubCallbackQuery = z.infer<typeof GithubCallbackQuery>;
