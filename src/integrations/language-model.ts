import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import { config, type AppConfig } from '../config';
import { logger } from '../http/logger';
import { languageModelKey } from './secrets';
import { readAnswer, type ModelAnswer } from './language-model/answer';
import { buildPrompt, type PromptOptions, type WritingTask } from './language-model/prompts';

/**
 * The language model writes insights and recommendations from figures the
 * product already computed (metrics.md: it never changes a score or a
 * metric). It is optional and never in the way:
 *
 * - Any OpenAI-compatible provider (`AI_BASE_URL`, `AI_MODEL`, `AI_API_KEY`).
 * - Each attempt is bounded by `AI_TIMEOUT_MS` (at most 12 s, from config),
 *   response body included; at most one retry, and only for what a second
 *   try can fix (timeout, network, 429, 5xx). Worst case 2 × 12 s plus a
 *   short pause stays under API Gateway's 29 s.
 * - Any failure answers `undefined`, never throws, and logs one warning
 *   without the prompt or the key; the caller then uses the heuristic text.
 * - The answer is two lists of sentences and the engine's name: there is no
 *   path by which a number from the model reaches a score or a metric.
 */

export type { WritingTask } from './language-model/prompts';
export { WRITING_TASKS } from './language-model/prompts';

export interface ModelProse {
  readonly insights: string[];
  readonly recommendations: string[];
  /** `llm:<model>`, the analysis's `analysisEngine`. */
  readonly engine: `llm:${string}`;
}

export type WriteOptions = PromptOptions;

type ModelSettings = NonNullable<AppConfig['languageModel']>;

/** Why an attempt gave no prose; also what the warning says. */
type Failure =
  | { readonly reason: 'timeout' | 'network'; readonly retryable: true }
  | { readonly reason: 'http'; readonly status: number; readonly retryable: boolean }
  | { readonly reason: 'no-content' | 'not-json' | 'invalid-shape' | 'unexpected'; readonly retryable: false };

const MAX_ATTEMPTS = 2;
/** A pause before retrying a 429 or 5xx, so the retry is not part of the same burst; short enough to stay in budget. */
const MAX_RETRY_PAUSE_MS = 250;

export function isLanguageModelConfigured(): boolean {
  return config().languageModel !== undefined;
}

/**
 * Prose for `task` written from `figures`, or `undefined` when no model is
 * configured or it did not answer well in time. `figures` is only read
 * (serialized into the prompt, without names or emails).
 */
export async function writeWithModel(
  task: WritingTask,
  figures: object,
  options: WriteOptions = {},
): Promise<ModelProse | undefined> {
  const settings = config().languageModel;
  if (!settings) return undefined;

  const prompt = buildPrompt(task, figures, options);
  const openai = clientFor(settings, (await languageModelKey()) ?? 'not-needed');
  const startedAt = Date.now();
  const failures: string[] = [];

  for (let attemptNumber = 1; attemptNumber <= MAX_ATTEMPTS; attemptNumber += 1) {
    const outcome = await attempt(openai, settings, prompt);
    if (!('reason' in outcome)) {
      logger.debug('Language model wrote the text', { task, model: settings.model, attempts: attemptNumber, elapsedMs: Date.now() - startedAt });
      return { insights: [...outcome.insights], recommendations: [...outcome.recommendations], engine: `llm:${settings.model}` };
    }
    failures.push(outcome.reason === 'http' ? `http-${outcome.status}` : outcome.reason);
    if (!outcome.retryable || attemptNumber === MAX_ATTEMPTS) break;
    if (outcome.reason === 'http') await sleep(Math.min(MAX_RETRY_PAUSE_MS, settings.timeoutMs / 4));
  }

  logger.warn('Language model gave no usable answer; using the heuristic text', {
    task,
    model: settings.model,
    attempts: failures.length,
    failures,
    elapsedMs: Date.now() - startedAt,
  });
  return undefined;
}

let cachedClient: { readonly settings: ModelSettings; readonly apiKey: string; readonly openai: OpenAI } | undefined;

/**
 * One client per process and key; config() hands back the same settings object until the environment
 * is re-provided (local stack, tests), and a rotated key arrives once the secret cache expires.
 */
function clientFor(settings: ModelSettings, apiKey: string): OpenAI {
  if (cachedClient?.settings !== settings || cachedClient.apiKey !== apiKey) {
    cachedClient = {
      settings,
      apiKey,
      openai: new OpenAI({
        baseURL: settings.baseUrl,
        apiKey,
        timeout: settings.timeoutMs,
        // Retries are decided here (one at most), not by the SDK's default of two with backoff.
        maxRetries: 0,
        // The SDK's own logs can include request bodies; ours say what failed without them.
        logLevel: 'off',
      }),
    };
  }
  return cachedClient.openai;
}

async function attempt(
  openai: OpenAI,
  settings: ModelSettings,
  prompt: { readonly system: string; readonly user: string },
): Promise<ModelAnswer | Failure> {
  // The SDK's timeout stops at the response headers; this one also bounds reading the body.
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  try {
    const completion = await openai.chat.completions.create(
      {
        model: settings.model,
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
        response_format: { type: 'json_object' },
      },
      { signal: deadline },
    );
    // A provider that answers 200 with a non-JSON body gets here as a string, not a completion.
    const content: unknown = completion?.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || content.trim() === '') return { reason: 'no-content', retryable: false };
    const answer = readAnswer(content);
    return typeof answer === 'string' ? { reason: answer, retryable: false } : answer;
  } catch (error) {
    return classify(error, deadline.aborted);
  }
}

function classify(error: unknown, deadlinePassed: boolean): Failure {
  if (deadlinePassed || error instanceof OpenAI.APIConnectionTimeoutError) return { reason: 'timeout', retryable: true };
  if (error instanceof OpenAI.APIConnectionError) return { reason: 'network', retryable: true };
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    return { reason: 'http', status: error.status, retryable: error.status === 429 || error.status >= 500 };
  }
  return { reason: 'unexpected', retryable: false };
}
