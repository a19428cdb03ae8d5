/**
 * Whether a client may try a password on an account this minute: refused
 * only once the account has had `limit` failed logins *and* this client is
 * one of those who failed. A stranger's guesses therefore never lock the
 * owner out; one client gets at most `limit` guesses, each further address one.
 */
export function isLoginRefused(failures: { readonly account: number; readonly client: number }, limit: number): boolean {
  return failures.account >= limit && failures.client > 0;
}
