import { PassThrough, Readable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGrade } from '../../src/cli/grade-command.js';
import { createPracticeEngine, type PracticeEngineDeps } from '../../src/engine/practice-engine.js';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import { en } from '../../src/evaluation/feedback-text/en.js';
import { de } from '../../src/evaluation/feedback-text/de.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import type { Grade, Language } from '../../src/evaluation/grade.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import type { Storage } from '../../src/storage/storage.js';
import { startLlmHarness, type LlmHarness } from '../support/fake-openai/llm-test-kit.js';
import { openTempStorage } from '../support/temp-storage.js';

const log = pino({ level: 'silent' });
const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
const grieving = personas.require('grieving');

/** Every example the generic phrases could give: what a grieving customer's adviser must not be shown. */
const GENERIC_EXAMPLES: Record<Language, string[]> = {
  en: Object.values(en.tips).flatMap((variants) => variants.map((variant) => variant.example)),
  de: Object.values(de.tips).flatMap((variants) => variants.map((variant) => variant.example)),
};

/** A trainee who talks business at the grieving customer's outburst, then says goodbye. */
const PRODUCT_TALK: Record<Language, string> = {
  en: 'Your fixed-term deposit matures in three weeks, so we should book an appointment to reinvest it.',
  de: 'Ihr Festgeld läuft in drei Wochen aus, deshalb sollten wir einen Termin für die Wiederanlage vereinbaren.',
};
const BARE_ACKNOWLEDGEMENT: Record<Language, string> = { en: 'I understand.', de: 'Ich verstehe.' };

describe('persona examples in a practice session', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let harness: LlmHarness | undefined;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await cleanup();
  });

  function engineWith(graders: Pick<PracticeEngineDeps, 'grader' | 'steering'>) {
    return createPracticeEngine({
      personas,
      ...graders,
      voice: createScriptedVoice({ random: () => 0 }),
      store: storage.sessions,
      log,
      advise: (lang: string, weakest: string) => `${lang}:${weakest}`,
    });
  }

  /** The first call (business talk at her outburst), then the first reply on the second call. */
  async function twoReplies(engine: ReturnType<typeof engineWith>, lang: Language): Promise<[Grade, Grade, string | undefined]> {
    const { session } = await engine.start({ userId: 'u1', guildId: null, personaId: 'grieving', lang, intensity: 'standard' });
    const first = await engine.reply(session.id, PRODUCT_TALK[lang]);
    const second = await engine.reply(session.id, BARE_ACKNOWLEDGEMENT[lang]);
    return [first.exchange.grade, second.exchange.grade, first.line?.stage];
  }

  for (const lang of ['en', 'de'] as const) {
    it(`gives a grief-fitting example instead of a generic banking one, from the stage once the stage has its own (${lang})`, async () => {
      const [first, second, stageAfterFirst] = await twoReplies(engineWith({ grader: createOfflineGrader() }), lang);
      expect(stageAfterFirst).toBe('callback');

      // on the first call the stage has no empathy lines of its own: the persona's stand in
      expect(grieving.examples?.empathy?.[lang]).toContain(first.feedback.example);
      expect(GENERIC_EXAMPLES[lang]).not.toContain(first.feedback.example);
      // on the second call the stage's own lines come first
      expect(grieving.stages.callback?.examples?.empathy?.[lang]).toContain(second.feedback.example);
      expect(GENERIC_EXAMPLES[lang]).not.toContain(second.feedback.example);
    });
  }

  it('keeps the persona example when the LLM judge answers unusably and the offline grade stands in', async () => {
    harness = await startLlmHarness({ offlineGrader: createOfflineGrader(), env: { LLM_MAX_RETRIES: '0' } });
    harness.fake.setDefault({ kind: 'wrong_json' });
    const engine = engineWith({ grader: harness.providers.grader, steering: harness.providers.steering });
    const [first, second] = await twoReplies(engine, 'en');

    expect(harness.fake.requests.length).toBeGreaterThan(0);
    expect(first.source.grader).toBe('offline');
    expect(grieving.examples?.empathy?.en).toContain(first.feedback.example);
    expect(grieving.stages.callback?.examples?.empathy?.en).toContain(second.feedback.example);
  });
});

describe('persona examples in the grade command', () => {
  it('gives a reply graded with a persona field the persona-level lines (no stage outside a session)', async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const request = { id: 1, lang: 'en', customer: grieving.stages.opening?.lines.en[0], reply: BARE_ACKNOWLEDGEMENT.en, persona: 'grieving' };
    const code = await runGrade({ grader: createOfflineGrader(), personas, log }, Readable.from([`${JSON.stringify(request)}\n`]), out, new PassThrough());
    expect(code).toBe(0);
    const { grade } = JSON.parse(chunks.join('')) as { grade: Grade };
    expect(grieving.examples?.empathy?.en).toContain(grade.feedback.example);
    expect(GENERIC_EXAMPLES.en).not.toContain(grade.feedback.example);
  });
});
