/**
 * Rules for the names of people and organizations. These names are quoted in
 * the emails we send under our own name (an invitation's subject is
 * "<inviter> invited you to <organization>"), so they must not be able to
 * carry a link, an address to write to, or characters that change how the
 * text around them reads.
 */
export interface NameProblem {
  readonly message: string;
}

/**
 * The characters a name may have: none of the control characters (they would
 * let input forge log lines or email headers), format characters (bidi
 * overrides and isolates, zero-width spaces and joiners), line or paragraph
 * separators, private-use or lone surrogates: text that reads differently
 * from what it is. A pattern, so the OpenAPI document can carry it.
 */
export const NAME_CHARACTERS = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]*$/u;
export const NAME_CHARACTERS_MESSAGE = 'must not contain control, invisible or formatting characters (bidi controls, zero-width)';

const WEB_ADDRESS = 'must not contain a web address';

const CONTENT_RULES: ReadonlyArray<{ readonly pattern: RegExp; readonly message: string }> = [
  { pattern: /[a-z][a-z0-9+.-]*:\/\/|\bwww\./iu, message: WEB_ADDRESS },
  // A bare domain ("claim-prize.com", "bit.ly") is turned into a link by most mail clients.
  { pattern: /[\p{L}\p{N}-]{2,}\.\p{L}{2,}(?![\p{L}\p{N}])/u, message: WEB_ADDRESS },
  { pattern: /\b\d{1,3}(?:\.\d{1,3}){3}\b/u, message: WEB_ADDRESS },
  { pattern: /[^\s@]@[^\s@]/u, message: 'must not contain an email address' },
];

/**
 * What a name says that it must not (a link, an email address), each problem
 * once. Checked on the NFKC form too, so full-width or lookalike punctuation
 * ("evil．com") is caught like ASCII.
 */
export function nameContentProblems(name: string): NameProblem[] {
  const forms = [name, name.normalize('NFKC')];
  const messages = CONTENT_RULES.filter((rule) => forms.some((form) => rule.pattern.test(form))).map((rule) => rule.message);
  return [...new Set(messages)].map((message) => ({ message }));
}

/** Everything wrong with a name: its characters, then what it says. */
export function nameProblems(name: string): NameProblem[] {
  return [...(NAME_CHARACTERS.test(name) ? [] : [{ message: NAME_CHARACTERS_MESSAGE }]), ...nameContentProblems(name)];
}
