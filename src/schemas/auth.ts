import * as z from 'zod';
import { ROLES } from '../domain/roles';
import type { LoginResult, SessionUser as SessionUserType } from '../services/session';
import type { SignupResult } from '../services/signup';
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

/*
 * Success bodies. Response schemas are plain (no trim, lower-casing or
 * defaults): they describe what the API sends, and the wrapper checks each
 * answer against them when VALIDATE_RESPONSES is on.
 */

const ROLE = z.enum(ROLES);

/** `POST /auth/verify`, `POST /auth/resend-verification`: done, and a sentence saying so. */
export const MessageResponse = z.object({ success: z.literal(true), message: z.string() }).strict().meta({ id: 'MessageResponse' });
export type MessageResponse = z.infer<typeof MessageResponse>;

export const SignupResponse = z
  .object({
    success: z.literal(true),
    message: z.string(),
    data: z.object({ userId: z.string(), organizationId: z.string(), role: z.literal('admin') }).strict() satisfies z.ZodType<SignupResult>,
  })
  .strict()
  .meta({ id: 'SignupResponse' });
export type SignupResponse = z.infer<typeof SignupResponse>;

/** The signed-in person in the token's organization (login's `user`, and `GET /me`'s). */
export const SessionUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    role: ROLE,
    permissions: z.array(z.string()),
    githubUsername: z.string().optional(),
  })
  .strict()
  .meta({ id: 'SessionUser' }) satisfies z.ZodType<SessionUserType>;
export type SessionUser = z.infer<typeof SessionUser>;

/** `POST /auth/login` and `POST /auth/switch-organization`; `refreshToken` is absent when Cognito gave none. */
export const LoginResponse = z
  .object({ accessToken: z.string(), refreshToken: z.string().optional(), expiresIn: z.number().int(), user: SessionUser })
  .strict()
  .meta({ id: 'LoginResponse' }) satisfies z.ZodType<LoginResult>;
export type LoginResponse = z.infer<typeof LoginResponse>;

export const RefreshResponse = z.object({ accessToken: z.string(), expiresIn: z.number().int() }).strict().meta({ id: 'RefreshResponse' });
export type RefreshResponse = z.infer<typeof RefreshResponse>;
