import { pino } from 'pino';
import { createPracticeEngine } from '../../src/engine/practice-engine.js';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import type { Exchange, Session } from '../../src/engine/session.js';
import type { Grade, Language } from '../../src/evaluation/grade.js';
import { createAdvice } from '../../src/engine/advice.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import type { PersonaCatalog } from '../../src/personas/persona-catalog.js';
import type { Storage } from '../../src/storage/storage.js';

export const log = pino({ level: 'silent' });

let catalog: Promise<PersonaCatalog> | undefined;
export function builtinPersonas(): Promise<PersonaCatalog> {
  catalog ??= loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
  return catalog;
}

export async function reportDeps(lang?: Language) {
  const personas = await builtinPersonas();
  return { personas, advise: createAdvice(personas), ...(lang ? { lang } : {}) };
}

/**
 * A real session made by the engine with the offline grader: replies (any text), a retry of the
 * second line, and the session ended.
 */
export async function practiseSession(
  storage: Storage,
  options: { userId?: string; guildId?: string | null; groupId?: string | null; personaId?: string; lang?: Language; replies?: string[] } = {},
): Promise<Session> {
  const personas = await builtinPersonas();
  const engine = createPracticeEngine({
    personas,
    grader: createOfflineGrader(),
    voice: createScriptedVoice({ random: () => 0 }),
    store: storage.sessions,
    log,
    advise: createAdvice(personas),
  });
  const lang = options.lang ?? 'de';
  const replies =
    options.replies ??
    (lang === 'de'
      ? [
          'Das tut mir leid, dass Ihre Karte im Urlaub gesperrt wurde. Das ist ärgerlich.',
          'Beruhigen Sie sich erst mal.',
          'Ich verstehe, wie stressig das im Ausland ist. Ich entsperre die Karte jetzt sofort.',
          'Ich schicke Ihnen heute noch eine Bestätigung per SMS.',
        ]
      : [
          'I am sorry your card was blocked while you were abroad. That is really annoying.',
          'Calm down first.',
          'I understand how stressful that is abroad. I will unblock the card right now.',
          'I will send you a confirmation by text today.',
        ]);
  const { session } = await engine.start({
    userId: options.userId ?? 'u-anna',
    guildId: options.guildId === undefined ? 'g1' : options.guildId,
    groupId: options.groupId ?? null,
    personaId: options.personaId ?? 'frustrated',
    lang,
    intensity: 'standard',
  });
  for (const [index, reply] of replies.entries()) {
    const result = await engine.reply(session.id, reply);
    if (result.ended) break;
    if (index === 1) await engine.retry(session.id);
  }
  const { session: ended } = await engine.end(session.id);
  return ended;
}

export function grade(scores: { composure: number; empathy: number; verdict?: Grade['boundary']['verdict']; needed?: boolean }): Grade {
  return {
    composure: { score: scores.composure, evidence: [] },
    empathy: { score: scores.empathy, emotionalReaction: 1, interpretation: 1, exploration: 0, evidence: [] },
    boundary: { needed: scores.needed ?? false, verdict: scores.verdict ?? 'not_needed', evidence: [] },
    signals: { offersSolution: false, endsConversation: false },
    feedback: { strength: 'Clear words.', tip: 'Name the feeling.', example: 'That sounds frustrating.' },
    source: { grader: 'test', rubricVersion: 'test' },
  };
}

/** A hand-built ended session, for edge cases and exact figures. */
export function handSession(overrides: Partial<Session> & { id: string; exchanges?: Exchange[] }): Session {
  const createdAt = overrides.createdAt ?? '2026-11-01T09:00:00.000Z';
  const exchanges = overrides.exchanges ?? [];
  const lineCount = Math.max(1, ...exchanges.map((exchange) => exchange.lineN + 1));
  return {
    schemaVersion: 1,
    userId: 'u1',
    guildId: 'g1',
    channelRef: null,
    groupId: null,
    personaId: 'frustrated',
    lang: 'en',
    intensity: 'standard',
    status: 'ended',
    outcome: 'resolved',
    stage: 'end',
    turns: exchanges.length,
    lines: Array.from({ length: lineCount }, (_, n) => ({
      n,
      text: `Customer line ${n + 1}`,
      stage: 'opening',
      voice: 'script',
      at: createdAt,
      retracted: false,
    })),
    pendingReply: null,
    usage: { promptTokens: 0, completionTokens: 0 },
    updatedAt: createdAt,
    endedAt: createdAt,
    ...overrides,
    createdAt,
    exchanges,
  };
}

export function exchange(lineN: number, scores: Parameters<typeof grade>[0], options: { attempt?: number; reply?: string; at?: string } = {}): Exchange {
  return {
    lineN,
    attempt: options.attempt ?? 1,
    reply: options.reply ?? `Reply to line ${lineN + 1}`,
    grade: grade(scores),
    at: options.at ?? '2026-11-01T09:01:00.000Z',
  };
}
