import { Writable } from 'node:stream';
import Keyv from 'keyv';
import { loadConfig, type AppConfig } from '../../../src/config/config.js';
import type { CustomerVoice } from '../../../src/engine/customer-voice.js';
import { createScriptedVoice } from '../../../src/engine/scripted-voice.js';
import type { Grade, GradeInput } from '../../../src/evaluation/grade.js';
import type { Grader } from '../../../src/evaluation/grader.js';
import { createLogger, type Logger } from '../../../src/log/logger.js';
import { PersonaSchema, type Persona } from '../../../src/personas/persona-schema.js';
import { createKeyvStorage } from '../../../src/storage/keyv-storage.js';
import type { Storage } from '../../../src/storage/storage.js';
import { createLlmProviders, type LlmProviders } from '../../../src/llm/create-llm-providers.js';
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiOptions } from './fake-openai-server.js';

/** A logger whose JSON lines the test can read (debug level, so trainee text would show if logged). */
export function captureLogger(level = 'debug'): { log: Logger; lines: () => string[]; text: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger({ level, destination });
  return { log, lines: () => lines, text: () => lines.join('\n') };
}

export function memoryStorage(log: Logger): Storage {
  return createKeyvStorage(new Keyv(), log);
}

export function testConfig(baseURL: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    OPENAI_BASE_URL: baseURL,
    LLM_PERSONA_MODEL: 'fake-persona',
    LLM_JUDGE_MODEL: 'fake-judge',
    LLM_TIMEOUT_MS: '5000',
    LLM_MAX_RETRIES: '2',
    ...env,
  });
}

export const BACKSTORY_EN = 'Her sister Margarethe died in a hospice in Lisbon last Tuesday; the card was blocked while she arranged the funeral.';

/** A small persona with a hidden backstory that may be told only from the `opens_up` stage on. */
export const testPersona: Persona = PersonaSchema.parse({
  id: 'test-blocked-card',
  names: { de: 'Gesperrte Karte', en: 'Blocked card' },
  customerName: { de: 'Frau Weber', en: 'Ms Weber' },
  channel: 'phone',
  difficulty: 2,
  focus: ['venting'],
  brief: {
    de: { situation: 'Die Karte von Frau Weber wurde im Ausland gesperrt.', goal: 'Bleiben Sie ruhig und helfen Sie.' },
    en: { situation: "Ms Weber's card was blocked abroad.", goal: 'Stay calm and help.' },
  },
  backstory: {
    de: 'Ihre Schwester Margarethe ist letzten Dienstag in einem Hospiz in Lissabon gestorben; die Karte wurde gesperrt, während sie die Beerdigung organisierte.',
    en: BACKSTORY_EN,
  },
  maxTurns: 10,
  start: 'angry',
  stages: {
    angry: {
      lines: { de: ['Meine Karte ist gesperrt! Unglaublich!'], en: ['My card is blocked! Unbelievable!'] },
      hint: { de: 'Ruhig bleiben.', en: 'Stay calm.' },
      transitions: [
        { when: { empathy: { min: 4 } }, to: 'opens_up' },
        { when: { composure: { max: 2 } }, to: 'hangs_up' },
      ],
    },
    opens_up: {
      reveals: true,
      lines: { de: ['Entschuldigen Sie. Es ist gerade alles zu viel.'], en: ["Sorry. It's all too much right now."] },
      hint: { de: 'Nachfragen.', en: 'Ask gently.' },
      transitions: [{ when: { offersSolution: true }, to: 'resolved' }],
    },
    resolved: {
      lines: { de: ['Danke, das hilft mir.'], en: ['Thank you, that helps.'] },
      hint: { de: 'Abschließen.', en: 'Close.' },
      end: 'resolved',
    },
    hangs_up: {
      lines: { de: ['Dann eben nicht. Auf Wiederhören.'], en: ['Forget it. Goodbye.'] },
      hint: { de: '-', en: '-' },
      end: 'hung_up',
    },
  },
});

export function gradeWith(scores: { composure: number; empathy: number }, grader = 'offline-test', rubricVersion = 'test-rubric'): Grade {
  return {
    composure: { score: scores.composure, evidence: ['offline composure evidence'] },
    empathy: { score: scores.empathy, emotionalReaction: 1, interpretation: 0, exploration: 0, evidence: [] },
    boundary: { needed: false, verdict: 'not_needed', evidence: [] },
    signals: { offersSolution: false, endsConversation: false },
    feedback: { strength: 'offline strength', tip: 'offline tip', example: 'offline example' },
    source: { grader, rubricVersion },
  };
}

/** An offline grader stand-in with fixed scores that records what it was asked. */
export function recordingOfflineGrader(scores = { composure: 3, empathy: 2 }): Grader & { calls: GradeInput[] } {
  const calls: GradeInput[] = [];
  return {
    id: 'offline-test',
    calls,
    async grade(input) {
      calls.push(input);
      return gradeWith(scores);
    },
  };
}

export function scriptedVoice(): CustomerVoice {
  return createScriptedVoice({ random: () => 0 });
}

export function gradeInput(reply: string, overrides: Partial<GradeInput> = {}): GradeInput {
  return {
    lang: 'en',
    customer: 'My card is blocked! Unbelievable!',
    reply,
    history: [],
    context: { personaId: testPersona.id, focus: testPersona.focus },
    ...overrides,
  };
}

export interface LlmHarness {
  fake: FakeOpenAi;
  providers: LlmProviders;
  offline: ReturnType<typeof recordingOfflineGrader>;
  logs: ReturnType<typeof captureLogger>;
  storage: Storage;
  close(): Promise<void>;
}

/** The real provider factory wired to a fresh fake server, a memory store and a captured log. */
export async function startLlmHarness(
  options: {
    env?: Record<string, string>;
    fake?: FakeOpenAiOptions;
    offlineScores?: { composure: number; empathy: number };
    /** replaces the recording stand-in (e.g. a grader whose scores steer the script) */
    offlineGrader?: Grader;
    log?: ReturnType<typeof captureLogger>;
  } = {},
): Promise<LlmHarness> {
  const fake = await startFakeOpenAi(options.fake);
  const logs = options.log ?? captureLogger();
  const storage = memoryStorage(logs.log);
  const offline = recordingOfflineGrader(options.offlineScores);
  const providers = createLlmProviders({
    config: testConfig(fake.baseURL, options.env),
    log: logs.log,
    offlineGrader: options.offlineGrader ?? offline,
    scriptedVoice: scriptedVoice(),
    storage,
  });
  if (!providers) throw new Error('expected LLM providers for a configured base URL');
  return {
    fake,
    providers,
    offline,
    logs,
    storage,
    async close() {
      await fake.close();
      await storage.close();
    },
  };
}
