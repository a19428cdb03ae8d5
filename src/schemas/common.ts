import * as z from 'zod';
import { passwordProblems } from '../domain/password-policy';

// Control characters in names would let user input forge log lines or break emails.
const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;

export const Email = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }));

export const Password = z.string().superRefine((value, ctx) => {
  for (const problem of passwordProblems(value)) {
    ctx.addIssue({ code: 'custom', message: `Password ${problem.message}` });
  }
});

/** A password typed at login: checked by Cognito, not against today's policy. */
export const LoginPassword = z.string().min(1).max(256);

export const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(NO_CONTROL_CHARS, 'must not contain control characters');

export const OrganizationName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .regex(NO_CONTROL_CHARS, 'must not contain control characters');

// GitHub's own rule: alphanumerics and single hyphens, not at either end, at most 39.
export const GithubUsername = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'must be a valid GitHub username');

export const OpaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a valid id');
