import { z } from 'zod';

const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * LLM variables; all optional: without an endpoint the scripted voice and offline grader run.
 * The endpoint counts as configured when `OPENAI_BASE_URL` or `OPENAI_API_KEY` is set, so a local
 * server without a key (Ollama, vLLM, LM Studio, llama.cpp) works. Each variable is listed in
 * `.env.example` with a comment; `docs/llm.md` explains them with a worked example.
 */
export const LlmEnvSchema = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  /** model that speaks as the customer */
  LLM_PERSONA_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** model that grades replies; needs structured output (JSON schema) support */
  LLM_JUDGE_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** most one model call may take, queueing for a slot and retries included; then the offline fallback answers */
  LLM_TIMEOUT_MS: count(1000, 600_000, 20_000),
  /** further attempts after a 429, 5xx or refused connection; 0 disables retries */
  LLM_MAX_RETRIES: count(0, 5, 2),
  /** requests in flight at once across all sessions of this process */
  LLM_MAX_CONCURRENCY: count(1, 256, 4),
  /** tokens one practice session may spend; afterwards it continues offline. 0: no cap */
  LLM_SESSION_TOKEN_CAP: count(0, 100_000_000, 150_000),
  /** tokens one Discord server (or the terminal) may spend per UTC day. 0: no cap */
  LLM_GUILD_DAILY_TOKEN_CAP: count(0, 1_000_000_000, 3_000_000),
  /** conversation messages sent to the persona model; older ones become a one-line summary */
  LLM_HISTORY_TURNS: count(2, 100, 8),
});
type LlmEnv = z.infer<typeof LlmEnvSchema>;

/** True when an endpoint is configured: a base URL alone (local server) or a key alone (api.openai.com). */
export function isLlmConfigured(env: Pick<LlmEnv, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>): boolean {
  return env.OPENAI_BASE_URL !== undefined || env.OPENAI_API_KEY !== undefined;
}
