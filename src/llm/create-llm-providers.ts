import OpenAI from 'openai';
import type { AppConfig } from '../config/config.js';
import type { CustomerVoice } from '../engine/customer-voice.js';
import type { Grader } from '../evaluation/grader.js';
import { loadRubricSync } from '../evaluation/rubric.js';
import type { Logger } from '../log/logger.js';
import { loadPromptLibrary } from '../prompts/prompt-library.js';
import type { Storage } from '../storage/storage.js';
import { createCallAccounting } from './call-accounting.js';
import { createChatModel } from './chat-model.js';
import { createConcurrencyLimiter } from './concurrency-limiter.js';
import { isLlmConfigured } from './llm-config.js';
import { createLlmJudge } from './llm-judge.js';
import { createLlmVoice } from './llm-voice.js';
import { shareGradesByInput } from './shared-grades.js';
import { createUsageLedger, type UsageLedger } from './usage-ledger.js';

interface LlmProviderDeps {
  config: AppConfig;
  log: Logger;
  offlineGrader: Grader;
  scriptedVoice: CustomerVoice;
  storage: Storage;
  /** injected fetch for the OpenAI client (tests, proxies) */
  fetch?: typeof fetch;
}

export interface LlmProviders {
  /** the LLM judge; falls back to `offlineGrader` per exchange */
  grader: Grader;
  /** the LLM customer voice; falls back to `scriptedVoice` per line */
  voice: CustomerVoice;
  /** the offline grader (sharing its grade of an input with the judge), which steers the script while the judge grades concurrently */
  steering: Grader | undefined;
  /** token totals per session and per server per day, for reports and caps */
  usage: UsageLedger;
}

/**
 * Builds the LLM judge and voice for an OpenAI-compatible endpoint, or returns null when none is
 * configured (neither `OPENAI_BASE_URL` nor `OPENAI_API_KEY`). Reads the prompt files and the
 * rubric now, so a broken deployment fails at start-up. One client, one concurrency limiter and one
 * ledger are shared by both roles.
 */
export function createLlmProviders(deps: LlmProviderDeps): LlmProviders | null {
  const { config, log } = deps;
  if (!isLlmConfigured(config)) return null;
  const llmLog = log.child({ component: 'llm' });

  const client = new OpenAI({
    // local servers (Ollama, vLLM, llama.cpp) need no key, but the client insists on one
    apiKey: config.OPENAI_API_KEY ?? 'no-key',
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    maxRetries: 0,
    timeout: config.LLM_TIMEOUT_MS,
    // the chat model logs every failure itself, without request bodies
    logLevel: 'off',
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const model = createChatModel({
    client,
    limiter: createConcurrencyLimiter(config.LLM_MAX_CONCURRENCY),
    log: llmLog,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
  });
  const usage = createUsageLedger({
    storage: deps.storage,
    caps: { sessionTokens: config.LLM_SESSION_TOKEN_CAP, guildDailyTokens: config.LLM_GUILD_DAILY_TOKEN_CAP },
    log: llmLog,
  });
  const accounting = createCallAccounting(usage, llmLog);
  const prompts = loadPromptLibrary();
  const offlineGrader = shareGradesByInput(deps.offlineGrader);

  const grader = createLlmJudge({
    model,
    modelName: config.LLM_JUDGE_MODEL,
    offlineGrader,
    rubric: loadRubricSync(),
    prompts,
    accounting,
    log: llmLog,
    historyTurns: config.LLM_HISTORY_TURNS,
  });
  const voice = createLlmVoice({
    model,
    modelName: config.LLM_PERSONA_MODEL,
    scriptedVoice: deps.scriptedVoice,
    prompts,
    accounting,
    log: llmLog,
    historyTurns: config.LLM_HISTORY_TURNS,
  });

  llmLog.info(
    { endpoint: endpointHost(config.OPENAI_BASE_URL), personaModel: config.LLM_PERSONA_MODEL, judgeModel: config.LLM_JUDGE_MODEL },
    'LLM voice and judge enabled',
  );
  return { grader, voice, steering: offlineGrader, usage };
}

/** Host only: a base URL may carry credentials in its user-info or query. */
function endpointHost(baseUrl: string | undefined): string {
  if (!baseUrl) return 'api.openai.com';
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'invalid';
  }
}
