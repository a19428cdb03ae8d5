/**
 * One password policy for the Cognito user pool (CDK) and for request
 * validation, so the API never accepts a password Cognito would refuse.
 */
export const PASSWORD_POLICY = {
  minLength: 8,
  maxLength: 256,
  requireUppercase: true,
  requireLowercase: true,
  requireDigits: true,
  requireSymbols: false,
} as const;

export interface PasswordProblem {
  readonly message: string;
}

export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_POLICY.minLength) {
    problems.push({ message: `must be at least ${PASSWORD_POLICY.minLength} characters` });
  }
  if (password.length > PASSWORD_POLICY.maxLength) {
    problems.push({ message: `must be at most ${PASSWORD_POLICY.maxLength} characters` });
  }
  if (!/[A-Z]/.test(password)) problems.push({ message: 'must contain an upper-case letter' });
  if (!/[a-z]/.test(password)) problems.push({ message: 'must contain a lower-case letter' });
  if (!/[0-9]/.test(password)) problems.push({ message: 'must contain a digit' });
  return problems;
}
