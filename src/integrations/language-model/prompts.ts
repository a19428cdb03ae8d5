/**
 * The prompts for the language model, built from figures only. The model
 * writes prose about numbers the product already computed; it is told who a
 * figure belongs to by GitHub username at most, never by name or email.
 */

export const WRITING_TASKS = ['member-analysis', 'team-analysis', 'executive-report'] as const;
export type WritingTask = (typeof WRITING_TASKS)[number];

export interface ChatPrompt {
  readonly system: string;
  readonly user: string;
}

export interface PromptOptions {
  /** Drop GitHub usernames too, e.g. for a report without individuals. */
  readonly omitUsernames?: boolean;
}

/** Caps that keep a prompt small whatever a caller passes; figures are summaries, not raw activity. */
const MAX_DEPTH = 6;
const MAX_ARRAY_ITEMS = 40;
const MAX_STRING_CHARS = 200;
const MAX_ITEMS = 8;
const MAX_ITEM_CHARS = 400;

/** Keys that carry a person's identity rather than a figure. `githubUsername` is handled on its own. */
const PERSONAL_KEY = /^(names?|full_?name|display_?name|user_?name|e_?mails?|user_?id|owner_?id|to|cc|bcc|from|phone)$/i;
const PERSONAL_KEY_SUFFIX = /[a-z0-9](Names?|Emails?|UserId|By)$|_(name|email|user_id|by)$/;
const USERNAME_KEY = /^(githubUsername|githubLogin|login)$/;
const EMAIL_ADDRESS = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

const PURPOSE: Record<WritingTask, string> = {
  'member-analysis':
    "You review one software engineer's GitHub activity figures over the analysis window: metrics, a code-quality score and a burnout-risk score with the signals that moved them. Write insights the engineer and their manager can act on, and concrete recommendations for the engineer.",
  'team-analysis':
    "You review an engineering team's aggregated GitHub activity figures: team size, average code quality, commits, who needs support, burnout risks and capacity. Write insights about the team's health and recommendations for its engineering manager, including whether the figures support hiring.",
  'executive-report':
    "You write the summary of an executive report for a CTO from an engineering team's aggregated figures. Write short, plain-language insights about delivery, quality and burnout risk, and recommendations at the level of staffing and process.",
};

const RULES = [
  'Use only the figures given. Never invent a number, a person, a project or an event.',
  'The scores and metrics are final: quote them as given, never recompute, adjust or contradict them, and do not propose a different score.',
  "A score of null rests on too little data (its confidence is insufficient_data and its evidence says what is missing): say so plainly and give no number for it; speak of a score of low confidence as tentative.",
  'Refer to people only by the GitHub username given, if any. Do not guess names.',
  'Be specific and kind; no medical or legal advice.',
  `Answer with one JSON object and nothing else: {"insights": [string, ...], "recommendations": [string, ...]}, each list 1 to ${MAX_ITEMS} items, each item one or two sentences under ${MAX_ITEM_CHARS - 100} characters.`,
];

export function buildPrompt(task: WritingTask, figures: object, options: PromptOptions = {}): ChatPrompt {
  const cleaned = figuresOnly(figures, options, 0);
  return {
    system: `${PURPOSE[task]}\n\nRules:\n${RULES.map((rule) => `- ${rule}`).join('\n')}`,
    user: `Figures (JSON):\n${JSON.stringify(cleaned, null, 2)}\n\nWrite the JSON object now.`,
  };
}

/**
 * A copy of `value` with identity removed: keys naming a person dropped,
 * email addresses inside strings replaced, and sizes capped. What is left is
 * numbers, levels, patterns and usernames (unless omitted).
 */
function figuresOnly(value: unknown, options: PromptOptions, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.replace(EMAIL_ADDRESS, '[redacted]').slice(0, MAX_STRING_CHARS);
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) {
    return value
      .slice(0, MAX_ARRAY_ITEMS)
      .map((item) => figuresOnly(item, options, depth + 1))
      .filter((item) => item !== undefined);
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (USERNAME_KEY.test(key) ? options.omitUsernames : isPersonalKey(key)) continue;
    const cleaned = figuresOnly(inner, options, depth + 1);
    if (cleaned !== undefined) out[key] = cleaned;
  }
  return out;
}

function isPersonalKey(key: string): boolean {
  return PERSONAL_KEY.test(key) || PERSONAL_KEY_SUFFIX.test(key);
}

export const PROSE_LIMITS = { maxItems: MAX_ITEMS, maxItemChars: MAX_ITEM_CHARS } as const;
