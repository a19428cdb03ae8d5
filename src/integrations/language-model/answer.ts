import * as z from 'zod';
import { PROSE_LIMITS } from './prompts';

const ProseItems = z
  .array(z.string().trim().min(1).max(PROSE_LIMITS.maxItemChars))
  .min(1)
  .max(PROSE_LIMITS.maxItems);

/** What the model must answer. Extra keys are dropped: only these two lists of sentences ever leave this module. */
export const ModelAnswer = z.object({ insights: ProseItems, recommendations: ProseItems });
export type ModelAnswer = z.infer<typeof ModelAnswer>;

export type AnswerProblem = 'not-json' | 'invalid-shape';

/**
 * The answer in a completion's text. `response_format: json_object` is a
 * request some providers ignore, so the JSON may come bare, in a code fence,
 * or inside a sentence.
 */
export function readAnswer(content: string): ModelAnswer | AnswerProblem {
  const json = parseJsonObject(content);
  if (json === undefined) return 'not-json';
  const parsed = ModelAnswer.safeParse(json);
  return parsed.success ? parsed.data : 'invalid-shape';
}

const CODE_FENCE = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/;

function parseJsonObject(content: string): unknown {
  const candidates = [content.trim()];
  const fenced = CODE_FENCE.exec(content)?.[1];
  if (fenced) candidates.push(fenced.trim());
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start >= 0 && end > start) candidates.push(content.slice(start, end + 1));
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // not this candidate; try the next reading
    }
  }
  return undefined;
}
