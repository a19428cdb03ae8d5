import * as z from 'zod';
import { Email, GithubUsername, LoginPassword, OpaqueId, OrganizationName, Password, PersonName } from './common';

export const SignupBody = z
  .object({
    email: Email,
    password: Password,
    name: PersonName,
    organizationName: OrganizationName,
    githubUsername: GithubUsername.nullish(),
  })
  .strict();
export type SignupBody = z.infer<typeof SignupBody>;

export const VerifyBody = z
  .object({ email: Email, code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the email') })
  .strict();
export type VerifyBody = z.infer<typeof VerifyBody>;

export const ResendVerificationBody = z.object({ email: Email }).strict();
export type ResendVerificationBody = z.infer<typeof ResendVerificationBody>;

/** `organizationId` (optional): the organization to sign in to; without it, the one last chosen at login, else the first joined. */
export const LoginBody = z.object({ email: Email, password: LoginPassword, organizationId: OpaqueId.optional() }).strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const RefreshBody = z.object({ refreshToken: z.string().min(1).max(8192) }).strict();
export type RefreshBody = z.infer<typeof RefreshBody>;
