import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible provider on loopback, for tests only: it answers
 * `POST /v1/chat/completions` and `GET /v1/models` the way the behaviour
 * under test needs, and records what it was asked.
 *
 * Modes:
 *   good           valid JSON prose that quotes figures from the prompt, so a
 *                  test can tell the model answered
 *   fenced         the same JSON inside a ```json fence with a sentence around
 *                  it (a provider that ignores response_format)
 *   garbage        200 with plain text that is no JSON
 *   invalid-shape  200 with JSON of the wrong shape (numbers where prose belongs)
 *   error-500 / error-429 / error-400   that status with an OpenAI error body
 *   hang           never answers (until close())
 *   stall          sends 200 and its headers, then never finishes the body
 *   slow           a good answer after `delayMs`
 */
export type LlmStubMode =
  | 'good'
  | 'fenced'
  | 'garbage'
  | 'invalid-shape'
  | 'error-500'
  | 'error-429'
  | 'error-400'
  | 'hang'
  | 'stall'
  | 'slow';

export interface LlmStub {
  /** Base URL for `AI_BASE_URL`, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string;
  setMode(mode: LlmStubMode, options?: { readonly delayMs?: number }): void;
  /** Bodies of the chat-completion requests received, oldest first. */
  requests(): ChatRequestBody[];
  close(): Promise<void>;
}

export interface ChatRequestBody {
  readonly model?: string;
  readonly messages?: readonly { readonly role: string; readonly content: string }[];
  readonly response_format?: { readonly type: string };
  readonly [key: string]: unknown;
}

export async function startLlmStub(options: { readonly port?: number } = {}): Promise<LlmStub> {
  let mode: LlmStubMode = 'good';
  let delayMs = 1_000;
  const received: ChatRequestBody[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, openAiError('stub failure', 'server_error'));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/v1/models') {
      sendJson(response, 200, {
        object: 'list',
        data: [{ id: 'stub-model', object: 'model', created: 0, owned_by: 'llm-stub' }],
      });
      return;
    }
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(response, 404, openAiError(`No route ${request.method} ${path}`, 'invalid_request_error'));
      return;
    }

    const body = JSON.parse(await readBody(request)) as ChatRequestBody;
    received.push(body);
    const model = body.model ?? 'stub-model';
    const prompt = (body.messages ?? []).map((message) => message.content).join('\n');

    switch (mode) {
      case 'good':
        sendJson(response, 200, completion(model, JSON.stringify(goodAnswer(prompt))));
        return;
      case 'fenced':
        sendJson(
          response,
          200,
          completion(model, `Here is the analysis:\n\`\`\`json\n${JSON.stringify(goodAnswer(prompt), null, 2)}\n\`\`\`\nHope it helps.`),
        );
        return;
      case 'garbage':
        sendJson(response, 200, completion(model, 'I think this engineer is doing great, keep it up!'));
        return;
      case 'invalid-shape':
        sendJson(response, 200, completion(model, JSON.stringify({ insights: 'fine', overallScore: 2, recommendations: [] })));
        return;
      case 'error-500':
        sendJson(response, 500, openAiError('The server had an error', 'server_error'));
        return;
      case 'error-429':
        sendJson(response, 429, openAiError('Rate limit reached', 'rate_limit_exceeded'));
        return;
      case 'error-400':
        sendJson(response, 400, openAiError('Invalid request', 'invalid_request_error'));
        return;
      case 'hang':
        return;
      case 'stall':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"id":"chatcmpl-stub","object":"chat.completion","choices":[');
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          sendJson(response, 200, completion(model, JSON.stringify(goodAnswer(prompt))));
        }, delayMs);
        timers.add(timer);
        return;
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    setMode(next, modeOptions = {}) {
      mode = next;
      if (modeOptions.delayMs !== undefined) delayMs = modeOptions.delayMs;
    },
    requests: () => [...received],
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        // Hanging and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** Quotes up to three numeric figures of the prompt back, e.g. "totalCommits is 1234". */
function goodAnswer(prompt: string): { insights: string[]; recommendations: string[] } {
  const figures = [...prompt.matchAll(/"([A-Za-z][A-Za-z0-9_]*)":\s*(-?\d+(?:\.\d+)?)/g)].slice(0, 3);
  const insights = figures.map(([, name, value]) => `The figures show ${name} is ${value}.`);
  return {
    insights: insights.length > 0 ? insights : ['The figures show steady activity.'],
    recommendations: ['Keep pull requests small and ask for a review before merging.'],
  };
}

function completion(model: string, content: string) {
  return {
    id: `chatcmpl-stub-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function openAiError(message: string, type: string) {
  return { error: { message, type, param: null, code: null } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
