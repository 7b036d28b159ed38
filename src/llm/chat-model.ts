import { APIConnectionError, APIError, APIUserAbortError, type OpenAI } from 'openai';
import type { Logger } from '../log/logger.js';
import type { TokenUsage } from '../engine/session.js';
import type { ConcurrencyLimiter } from './concurrency-limiter.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  /** for logs and accounting: which provider made the call */
  purpose: 'voice' | 'judge';
  model: string;
  messages: ChatMessage[];
  maxTokens: number;
  temperature?: number;
  /** asks for structured output (`response_format: json_schema`, strict) */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
}

/** Why a call produced no usable text. Each kind leads to the offline fallback once retries are spent. */
type ChatFailureKind = 'timeout' | 'rate_limited' | 'server_error' | 'connection' | 'content_filter' | 'refusal' | 'client_error' | 'empty';

export type ChatResult =
  | {
      ok: true;
      text: string;
      /** `length` means the model was cut off: the text may be truncated (a JSON answer then fails to parse) */
      finishReason: string;
      usage: TokenUsage;
      /** HTTP requests this call needed, retries included */
      attempts: number;
    }
  | { ok: false; kind: ChatFailureKind; status?: number; usage?: TokenUsage; attempts: number };

/**
 * One chat completion with the policies every provider needs: a slot from the concurrency limiter,
 * a deadline for the whole call, retries with backoff for 429 / 5xx / refused connections (honouring
 * Retry-After up to a cap), and failures returned as values so callers fall back instead of throwing.
 * The only rejection is the caller's own abort, with the signal's reason.
 */
export interface ChatModel {
  complete(request: ChatRequest, options?: { signal?: AbortSignal | undefined }): Promise<ChatResult>;
}

export interface ChatModelOptions {
  client: OpenAI;
  limiter: ConcurrencyLimiter;
  log: Logger;
  /** the most one `complete` call may take, queueing and retries included */
  timeoutMs: number;
  maxRetries: number;
  /** a Retry-After longer than this is not waited for: the call falls back at once. Default 8 s. */
  retryAfterCapMs?: number;
  /** first backoff step; doubled per retry, capped at 8 × this. Default 250 ms. */
  backoffBaseMs?: number;
  /**
   * waits `ms` before the next attempt, rejecting when `signal` aborts. Default: a timer. Tests pass
   * one that records the wait, so they need not measure it with a clock.
   */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const RETRYABLE: ReadonlySet<ChatFailureKind> = new Set(['rate_limited', 'server_error', 'connection']);

type Attempt =
  | { ok: true; text: string; finishReason: string; usage: TokenUsage }
  | { ok: false; kind: ChatFailureKind; status?: number; retryAfterMs?: number; usage?: TokenUsage };

export function createChatModel(options: ChatModelOptions): ChatModel {
  const { client, limiter, log, timeoutMs, maxRetries } = options;
  const retryAfterCapMs = options.retryAfterCapMs ?? 8000;
  const backoffBaseMs = options.backoffBaseMs ?? 250;
  const wait = options.wait ?? sleep;

  async function attempt(request: ChatRequest, signal: AbortSignal): Promise<Attempt> {
    try {
      const completion = await client.chat.completions.create(
        {
          model: request.model,
          messages: request.messages,
          // the field every OpenAI-compatible server reads (Ollama, vLLM, LM Studio); its successor
          // max_completion_tokens is OpenAI's own
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
          max_tokens: request.maxTokens,
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          ...(request.jsonSchema
            ? {
                response_format: {
                  type: 'json_schema' as const,
                  json_schema: { name: request.jsonSchema.name, strict: true, schema: request.jsonSchema.schema },
                },
              }
            : {}),
        },
        { signal, maxRetries: 0 },
      );
      const choice = completion.choices[0];
      const text = choice?.message.content ?? '';
      const usage = completion.usage
        ? {
            promptTokens: completion.usage.prompt_tokens,
            completionTokens: completion.usage.completion_tokens,
            // OpenAI and compatible servers that cache prompt prefixes report the cached part here
            ...(typeof completion.usage.prompt_tokens_details?.cached_tokens === 'number'
              ? { cachedPromptTokens: completion.usage.prompt_tokens_details.cached_tokens }
              : {}),
          }
        : estimateUsage(request, text);
      if (choice?.finish_reason === 'content_filter') return { ok: false, kind: 'content_filter', usage };
      if (choice?.message.refusal) return { ok: false, kind: 'refusal', usage };
      if (text.trim() === '') return { ok: false, kind: 'empty', usage };
      return { ok: true, text, finishReason: choice?.finish_reason ?? 'stop', usage };
    } catch (error) {
      if (error instanceof APIUserAbortError || signal.aborted) return { ok: false, kind: 'timeout' };
      if (error instanceof APIConnectionError) return { ok: false, kind: 'connection' };
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- the SDK's `instanceof` narrows to APIError<any>; its fields are read as declared
      if (error instanceof APIError && error.status !== undefined) return classifyStatus(error);
      // a body that is not JSON at all (a proxy's HTML page, a cut connection) surfaces as a plain error
      return { ok: false, kind: 'server_error' };
    }
  }

  return {
    async complete(request, callOptions = {}) {
      const callerSignal = callOptions.signal;
      callerSignal?.throwIfAborted();
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
      const started = Date.now();
      let attempts = 0;
      let usage: TokenUsage | undefined;

      for (;;) {
        let result: Attempt;
        try {
          result = await limiter.run(() => {
            attempts++;
            return attempt(request, signal);
          }, signal);
        } catch {
          // aborted while queueing for a slot
          result = { ok: false, kind: 'timeout' };
        }
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (result.usage) usage = addUsage(usage, result.usage);
        if (result.ok) {
          log.debug({ purpose: request.purpose, model: request.model, attempts, ms: Date.now() - started }, 'model call done');
          return { ok: true, text: result.text, finishReason: result.finishReason, usage: usage ?? result.usage, attempts };
        }

        const retriesLeft = maxRetries - (attempts - 1);
        const waitMs = retryDelay(result, attempts, backoffBaseMs, retryAfterCapMs);
        const remainingMs = timeoutMs - (Date.now() - started);
        const retry = RETRYABLE.has(result.kind) && retriesLeft > 0 && waitMs !== undefined && waitMs < remainingMs;
        log.warn(
          { purpose: request.purpose, model: request.model, kind: result.kind, status: result.status, attempts, retry, waitMs: retry ? waitMs : undefined },
          retry ? 'model call failed, retrying' : 'model call failed',
        );
        if (!retry) {
          return { ok: false, kind: result.kind, ...(result.status === undefined ? {} : { status: result.status }), ...(usage ? { usage } : {}), attempts };
        }
        try {
          await wait(waitMs, signal);
        } catch {
          if (callerSignal?.aborted) throw callerSignal.reason;
          return { ok: false, kind: 'timeout', ...(usage ? { usage } : {}), attempts };
        }
      }
    },
  };
}

function classifyStatus(error: APIError): Attempt {
  const status = error.status ?? 0;
  if (error.code === 'content_filter' || error.code === 'content_policy_violation') return { ok: false, kind: 'content_filter', status };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(error.headers);
    return { ok: false, kind: 'rate_limited', status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (status === 408 || status === 409 || status >= 500) return { ok: false, kind: 'server_error', status };
  return { ok: false, kind: 'client_error', status };
}

/** `retry-after-ms` (OpenAI, Azure) or `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** undefined: do not retry (the server asks for a longer wait than a trainee should sit through). */
function retryDelay(result: Extract<Attempt, { ok: false }>, attempts: number, baseMs: number, capMs: number): number | undefined {
  if (result.retryAfterMs !== undefined) return result.retryAfterMs <= capMs ? result.retryAfterMs : undefined;
  const backoff = Math.min(baseMs * 2 ** (attempts - 1), baseMs * 8);
  return backoff * (0.75 + Math.random() * 0.5);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason goes back as given, as fetch does
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function addUsage(a: TokenUsage | undefined, b: TokenUsage): TokenUsage {
  const cached = (a?.cachedPromptTokens ?? 0) + (b.cachedPromptTokens ?? 0);
  return {
    promptTokens: (a?.promptTokens ?? 0) + b.promptTokens,
    completionTokens: (a?.completionTokens ?? 0) + b.completionTokens,
    ...(a?.cachedPromptTokens !== undefined || b.cachedPromptTokens !== undefined ? { cachedPromptTokens: cached } : {}),
  };
}

/** Some local servers omit `usage`; about four characters per token keeps caps working there. */
function estimateUsage(request: ChatRequest, text: string): TokenUsage {
  const promptChars = request.messages.reduce((sum, message) => sum + message.content.length, 0);
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(text.length / 4) };
}
