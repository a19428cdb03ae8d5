import * as z from 'zod';
import { NAME_CHARACTERS, NAME_CHARACTERS_MESSAGE, nameContentProblems } from '../domain/display-name';
import { passwordProblems } from '../domain/password-policy';

/** Names are quoted in the emails we send: each rule of src/domain/display-name.ts becomes a detail. */
function displayName(min: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(100)
    .regex(NAME_CHARACTERS, NAME_CHARACTERS_MESSAGE)
    .superRefine((value, ctx) => {
      for (const problem of nameContentProblems(value)) ctx.addIssue({ code: 'custom', message: problem.message });
    });
}

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

export const PersonName = displayName(1);

export const OrganizationName = displayName(2);

// GitHub's own rule: alphanumerics and single hyphens, not at either end, at most 39.
export const GithubUsername = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'must be a valid GitHub username');

export const OpaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a valid id');

/** `GET /health`. */
export const HealthResponse = z.object({ status: z.literal('ok') }).strict().meta({ id: 'HealthResponse' });
