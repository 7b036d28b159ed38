import Keyv from 'keyv';
import type { AppConfig } from '../config/config.js';
import type { CustomerVoice } from '../engine/customer-voice.js';
import type { PracticeEngine } from '../engine/engine-types.js';
import { createPracticeEngine } from '../engine/practice-engine.js';
import { createScriptedVoice } from '../engine/scripted-voice.js';
import type { Grader } from '../evaluation/grader.js';
import { createAdvice } from '../engine/advice.js';
import { createOfflineGrader } from '../evaluation/offline-grader.js';
import { loadRubric } from '../evaluation/rubric.js';
import { createLlmProviders } from '../llm/create-llm-providers.js';
import type { UsageLedger } from '../llm/usage-ledger.js';
import type { Logger } from '../log/logger.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../personas/load-personas.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import { createKeyvStorage } from '../storage/keyv-storage.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';

/** Graders and voice for this configuration: the LLM ones when an endpoint is set, else offline. */
export interface Providers {
  grader: Grader;
  /** the fast grader that steers the script while an LLM judge grades (absent offline) */
  steering: Grader | undefined;
  voice: CustomerVoice;
  /** true when an LLM endpoint is configured (grades still fall back to offline per exchange) */
  llm: boolean;
  /** token usage and caps per session and server (absent offline: nothing is spent) */
  usage: UsageLedger | undefined;
}

export interface App {
  readonly config: AppConfig;
  readonly log: Logger;
  readonly personas: PersonaCatalog;
  readonly storage: Storage;
  readonly providers: Providers;
  readonly engine: PracticeEngine;
  close(): Promise<void>;
}

interface CreateAppOptions {
  config: AppConfig;
  log: Logger;
  /** overrides STORE_URL (tests use a temp file) */
  storeUrl?: string;
  /** injected randomness for the scripted voice (tests make line choice reproducible) */
  random?: () => number;
  /** injected fetch for the LLM client (tests) */
  fetch?: typeof fetch;
}

export function loadPersonas(config: AppConfig, log: Logger): Promise<PersonaCatalog> {
  return loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR, ...(config.PERSONAS_DIR ? [config.PERSONAS_DIR] : [])], log });
}

export async function createProviders(options: Pick<CreateAppOptions, 'config' | 'log' | 'random' | 'fetch'> & { storage: Storage }): Promise<Providers> {
  const rubric = await loadRubric();
  const offlineGrader = createOfflineGrader({ rubricVersion: rubric.version });
  const scriptedVoice = createScriptedVoice(options.random ? { random: options.random } : {});
  const llm = createLlmProviders({
    config: options.config,
    log: options.log,
    offlineGrader,
    scriptedVoice,
    storage: options.storage,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (!llm) return { grader: offlineGrader, steering: undefined, voice: scriptedVoice, llm: false, usage: undefined };
  return { grader: llm.grader, steering: llm.steering, voice: llm.voice, llm: true, usage: llm.usage };
}

/** Storage that lives only as long as the process: for one-shot commands such as `grade`. */
export function createMemoryStorage(log: Logger): Storage {
  return createKeyvStorage(new Keyv({ throwOnErrors: true }), log);
}

/** The composition root: every front end (terminal, Discord) gets its engine from here. */
export async function createApp(options: CreateAppOptions): Promise<App> {
  const { config, log } = options;
  const personas = await loadPersonas(config, log);
  const storage = await openStorage({ url: options.storeUrl ?? config.STORE_URL, log });
  try {
    const providers = await createProviders({ ...options, storage });
    const engine = createPracticeEngine({
      personas,
      grader: providers.grader,
      steering: providers.steering,
      voice: providers.voice,
      store: storage.sessions,
      log,
      advise: createAdvice(personas),
    });
    log.debug({ personas: personas.list().length, llm: providers.llm }, 'app ready');
    const close = async () => {
      // running token totals are written behind; what is still pending goes to the store before it closes
      await providers.usage?.flush();
      await storage.close();
    };
    return { config, log, personas, storage, providers, engine, close };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
