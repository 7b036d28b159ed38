import type { Advise } from './advice.js';
import { randomUUID } from 'node:crypto';
import type { Grade, Turn } from '../evaluation/grade.js';
import type { Grader } from '../evaluation/grader.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { gradingContext } from '../personas/grading-context.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import type { Condition, Persona } from '../personas/persona-schema.js';
import type { SessionStore } from '../storage/session-store.js';
import { KeyedMutex } from '../storage/keyed-mutex.js';
import type { CallOptions } from './call-options.js';
import type { CustomerVoice, VoiceLine } from './customer-voice.js';
import { MAX_REPLY_CHARS, type PracticeEngine, type ReplyOutcome, type ReplyResult } from './engine-types.js';
import { engineMessage } from './engine-messages.js';
import { hearReply, planTurn, type HeardReply, type TurnPlan } from './listening.js';
import { acceptanceStage, conditionHolds, nextStageId, requireStage, secondStrikeStage } from './script-machine.js';
import { currentLine, type CustomerLine, type Exchange, type Outcome, type Session, type TokenUsage } from './session.js';
import { summarizeSession } from './session-summary.js';

export type { PracticeEngine } from './engine-types.js';

export interface PracticeEngineDeps {
  personas: PersonaCatalog;
  /** grades the reply shown to the trainee */
  grader: Grader;
  /**
   * Optional fast grader that alone decides the script transition. With it, the customer's next line
   * is produced while `grader` is still grading, so an exchange costs one slow call, not two in a row.
   */
  steering?: Grader | undefined;
  voice: CustomerVoice;
  store: SessionStore;
  log: Logger;
  /** words the "practise next" line of a summary */
  advise: Advise;
  now?: () => Date;
  newId?: () => string;
}

/** Strips what no reply legitimately contains (NUL and other C0 controls but tab/newline). */
function cleanReply(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what it removes
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}

/**
 * A reply of only zero-width characters, soft hyphens, direction marks or lone combining marks
 * looks empty in every client, so it is refused like an empty one instead of being graded.
 */
function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}

export function createPracticeEngine(deps: PracticeEngineDeps): PracticeEngine {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();
  const newId = deps.newId ?? randomUUID;
  const locks = new KeyedMutex();

  async function load(sessionId: string): Promise<Session> {
    const session = await deps.store.get(sessionId);
    if (!session) throw new UserFacingError('session_not_found', engineMessage('session_not_found', 'en'));
    return session;
  }

  function requireOpen(session: Session): void {
    if (session.status === 'ended') throw new UserFacingError('session_ended', engineMessage('session_ended', session.lang));
    if (session.status === 'paused') throw new UserFacingError('session_paused', engineMessage('session_paused', session.lang));
  }

  /**
   * The conversation before line `uptoLineN` as the customer experienced it: each line not retracted,
   * with the reply that stands at it (the last attempt), if any.
   */
  function standingBefore(session: Session, uptoLineN: number): Array<{ line: CustomerLine; reply: Exchange | undefined }> {
    return session.lines
      .filter((line) => !line.retracted && line.n < uptoLineN)
      .map((line) => ({ line, reply: session.exchanges.filter((exchange) => exchange.lineN === line.n).at(-1) }));
  }

  /** The turns of {@link standingBefore}: what a grader and a voice read as the conversation so far. */
  function turnsOf(standing: ReturnType<typeof standingBefore>): Turn[] {
    return standing.flatMap(({ line, reply }): Turn[] => [
      { role: 'customer', text: line.text },
      ...(reply ? [{ role: 'trainee' as const, text: reply.reply }] : []),
    ]);
  }

  function revealAllowed(persona: Persona, session: Session, nextStage: string): boolean {
    const visited = new Set(session.lines.filter((line) => !line.retracted).map((line) => line.stage));
    visited.add(nextStage);
    return [...visited].some((stageId) => persona.stages[stageId]?.reveals === true);
  }

  async function say(
    persona: Persona,
    session: Session,
    stageId: string,
    history: Turn[],
    options: CallOptions,
    listened?: { plan: TurnPlan; heard: HeardReply },
  ): Promise<VoiceLine> {
    return deps.voice.nextLine(
      {
        persona,
        lang: session.lang,
        intensity: session.intensity,
        stageId,
        revealAllowed: revealAllowed(persona, session, stageId),
        history,
        said: session.lines.map((line) => line.text),
        ...(listened ? { plan: listened.plan, heard: listened.heard } : {}),
      },
      options,
    );
  }

  function makeLine(session: Session, persona: Persona, stageId: string, voiced: VoiceLine, plan?: TurnPlan): CustomerLine {
    // A stage direction belongs to entering the stage; a customer who stays in it needs none again.
    const entering = currentLine(session)?.stage !== stageId;
    const narration = entering ? (plan?.narration ?? requireStage(persona, stageId).narration?.[session.lang]) : undefined;
    return {
      n: session.lines.length === 0 ? 0 : Math.max(...session.lines.map((line) => line.n)) + 1,
      text: voiced.text,
      stage: stageId,
      ...(narration ? { narration } : {}),
      voice: voiced.voice,
      ...(plan ? { family: plan.family } : {}),
      at: now(),
      retracted: false,
    };
  }

  function addUsage(total: TokenUsage | undefined, usage: TokenUsage): TokenUsage {
    return {
      ...(total?.cachedPromptTokens !== undefined || usage.cachedPromptTokens !== undefined
        ? { cachedPromptTokens: (total?.cachedPromptTokens ?? 0) + (usage.cachedPromptTokens ?? 0) }
        : {}),
      promptTokens: (total?.promptTokens ?? 0) + usage.promptTokens,
      completionTokens: (total?.completionTokens ?? 0) + usage.completionTokens,
    };
  }

  /** Grades the pending reply, moves the script, voices the customer and persists — all under the session's lock. */
  async function answerPending(session: Session): Promise<ReplyResult> {
    const pending = session.pendingReply;
    const line = currentLine(session);
    if (!pending || !line) throw new Error(`session ${session.id} has nothing to answer`);
    const persona = deps.personas.require(session.personaId);
    const log = deps.log.child({ sessionId: session.id, personaId: persona.id });
    let usage: TokenUsage | undefined;
    const options: CallOptions = {
      session: { id: session.id, guildId: session.guildId },
      onUsage: (spent) => {
        usage = addUsage(usage, spent);
      },
    };
    const standing = standingBefore(session, line.n);
    const history = turnsOf(standing);
    // the previous reply was graded specific in empathy: the one that now delivers need not repeat it
    const acknowledgedBefore = (standing.at(-1)?.reply?.grade.empathy.score ?? 0) >= 4;
    const input = {
      lang: session.lang,
      customer: line.text,
      reply: pending.text,
      history,
      context: { ...gradingContext(persona, line.stage), acknowledgedBefore },
    };
    const turn = session.turns + 1;
    const historyWithReply: Turn[] = [...history, { role: 'customer', text: line.text }, { role: 'trainee', text: pending.text }];

    const earlier = {
      replies: standing.flatMap(({ reply }) => (reply ? [reply.reply] : [])),
      acts: standing.flatMap(({ reply }) => reply?.grade.signals.acts ?? []),
    };
    const decide = (steer: Grade) => {
      const heard = hearReply(persona, session.lang, earlier, pending.text, steer, line.text);
      const holds = (condition: Condition) => conditionHolds(condition, steer, turn, heard);
      // A goodbye ends the practice, unless the script gives the customer an answer to exactly that
      // (the grieving customer hangs up on the first call, and the trainee's polite goodbye leads to the second).
      const scriptedGoodbye = requireStage(persona, session.stage).transitions.some(
        (transition) => transition.when.endsConversation === true && holds(transition.when),
      );
      if (steer.signals.endsConversation && !scriptedGoodbye) {
        return { stageId: session.stage, outcome: 'trainee_ended' as Outcome, speaks: false, heard, plan: undefined };
      }
      const stageId =
        secondStrikeStage(persona, line.family, steer) ??
        acceptanceStage(persona, line.family, steer) ??
        nextStageId(persona, session.stage, steer, turn, heard);
      const plan = planTurn({
        persona,
        lang: session.lang,
        intensity: session.intensity,
        fromStageId: session.stage,
        stageId,
        grade: steer,
        turn,
        heard,
        said: session.lines.map((entry) => entry.text),
        holds,
      });
      const end = requireStage(persona, stageId).end;
      if (end) return { stageId, outcome: end as Outcome, speaks: true, heard, plan };
      if (turn >= persona.maxTurns) return { stageId, outcome: 'turn_limit' as Outcome, speaks: false, heard, plan };
      return { stageId, outcome: null, speaks: true, heard, plan };
    };
    const speak = (decided: ReturnType<typeof decide>) =>
      decided.speaks
        ? say(persona, session, decided.stageId, historyWithReply, options, decided.plan ? { plan: decided.plan, heard: decided.heard } : undefined)
        : Promise.resolve(null);

    let grade: Grade;
    let decision: ReturnType<typeof decide>;
    let voiced: VoiceLine | null;
    if (deps.steering) {
      const steering = deps.steering;
      const gradePromise = deps.grader.grade(input, options);
      const linePromise = (async () => {
        const steer = await steering.grade(input, options);
        const decided = decide(steer);
        return { decided, voiced: await speak(decided) };
      })();
      const [graded, spoken] = await Promise.all([gradePromise, linePromise]);
      grade = graded;
      decision = spoken.decided;
      voiced = spoken.voiced;
    } else {
      grade = await deps.grader.grade(input, options);
      decision = decide(grade);
      voiced = await speak(decision);
    }

    const attempt = session.exchanges.filter((exchange) => exchange.lineN === line.n).length + 1;
    const exchange: Exchange = {
      lineN: line.n,
      attempt,
      reply: pending.text,
      grade,
      at: now(),
      ...(usage ? { usage } : {}),
      ...(pending.key === undefined ? {} : { key: pending.key }),
    };
    const customerLine = voiced ? makeLine(session, persona, decision.stageId, voiced, decision.plan) : null;
    const updated: Session = {
      ...session,
      stage: decision.stageId,
      turns: turn,
      exchanges: [...session.exchanges, exchange],
      lines: customerLine ? [...session.lines, customerLine] : session.lines,
      pendingReply: null,
      usage: usage ? addUsage(session.usage, usage) : session.usage,
      updatedAt: now(),
      ...(decision.outcome ? { status: 'ended' as const, outcome: decision.outcome, endedAt: now() } : {}),
    };
    await deps.store.save(updated);
    log.info(
      {
        turn,
        stage: decision.stageId,
        composure: grade.composure.score,
        empathy: grade.empathy.score,
        boundary: grade.boundary.verdict,
        grader: grade.source.grader,
        outcome: decision.outcome,
      },
      'exchange graded',
    );
    return {
      session: updated,
      exchange,
      line: customerLine,
      ended: decision.outcome ? { session: updated, summary: summarize(updated) } : null,
    };
  }

  /** Checks and persists a new reply, then answers it; runs under the session's lock. */
  async function receive(session: Session, text: string, key: string | undefined): Promise<ReplyResult> {
    const cleaned = cleanReply(text);
    requireOpen(session);
    if (!hasVisibleText(cleaned)) throw new UserFacingError('reply_empty', engineMessage('reply_empty', session.lang));
    if (cleaned.length > MAX_REPLY_CHARS) {
      throw new UserFacingError('reply_too_long', engineMessage('reply_too_long', session.lang, { max: MAX_REPLY_CHARS, got: cleaned.length }));
    }
    // Persist the reply before any slow work: if the process dies now, recoverPending answers it.
    const pending: Session = { ...session, pendingReply: { text: cleaned, at: now(), ...(key === undefined ? {} : { key }) }, updatedAt: now() };
    await deps.store.save(pending);
    return answerPending(pending);
  }

  const summarize = (session: Session) => summarizeSession(session, deps.advise);

  const engine: PracticeEngine = {
    async start(request) {
      const persona = deps.personas.require(request.personaId);
      const created = now();
      const session: Session = {
        id: newId(),
        schemaVersion: 1,
        userId: request.userId,
        guildId: request.guildId,
        channelRef: request.channelRef ?? null,
        groupId: request.groupId ?? null,
        personaId: persona.id,
        lang: request.lang,
        intensity: request.intensity,
        status: 'active',
        outcome: null,
        stage: persona.start,
        turns: 0,
        lines: [],
        exchanges: [],
        pendingReply: null,
        usage: { promptTokens: 0, completionTokens: 0 },
        createdAt: created,
        updatedAt: created,
        endedAt: null,
      };
      let usage: TokenUsage | undefined;
      const voiced = await say(persona, session, persona.start, [], {
        session: { id: session.id, guildId: session.guildId },
        onUsage: (spent) => {
          usage = addUsage(usage, spent);
        },
      });
      const line = makeLine(session, persona, persona.start, voiced);
      const started: Session = { ...session, lines: [line], usage: usage ?? session.usage };
      await deps.store.save(started);
      deps.log.info({ sessionId: started.id, personaId: persona.id, lang: started.lang, intensity: started.intensity }, 'session started');
      return { session: started, persona, line };
    },

    reply: (sessionId, text) => locks.run(sessionId, async () => receive(await load(sessionId), text, undefined)),

    async replyOnce(sessionId, text, key) {
      return locks.run(sessionId, async (): Promise<ReplyOutcome> => {
        const session = await load(sessionId);
        const answered = session.exchanges.find((exchange) => exchange.key === key);
        if (answered) {
          deps.log.debug({ sessionId, key }, 'reply already answered');
          return { kind: 'already_answered', session, exchange: answered };
        }
        if (session.pendingReply?.key === key) {
          // Received by a process that died before answering: answer it now, once.
          requireOpen(session);
          return { kind: 'answered', result: await answerPending(session) };
        }
        return { kind: 'answered', result: await receive(session, text, key) };
      });
    },

    async retry(sessionId) {
      return locks.run(sessionId, async () => {
        const session = await load(sessionId);
        if (session.status === 'paused') throw new UserFacingError('session_paused', engineMessage('session_paused', session.lang));
        if (session.status === 'ended' && session.outcome === 'stopped') {
          throw new UserFacingError('session_ended', engineMessage('session_ended', session.lang));
        }
        const last = session.exchanges[session.exchanges.length - 1];
        const answered = last ? session.lines.find((line) => line.n === last.lineN) : undefined;
        if (!last || !answered) throw new UserFacingError('nothing_to_retry', engineMessage('nothing_to_retry', session.lang));
        const updated: Session = {
          ...session,
          status: 'active',
          outcome: null,
          endedAt: null,
          stage: answered.stage,
          lines: session.lines.map((line) => (line.n > answered.n && !line.retracted ? { ...line, retracted: true } : line)),
          updatedAt: now(),
        };
        await deps.store.save(updated);
        return { session: updated, line: answered };
      });
    },

    async hint(sessionId) {
      const session = await load(sessionId);
      const persona = deps.personas.require(session.personaId);
      return requireStage(persona, session.stage).hint[session.lang];
    },

    async pause(sessionId) {
      return locks.run(sessionId, async () => {
        const session = await load(sessionId);
        if (session.status === 'ended') throw new UserFacingError('session_ended', engineMessage('session_ended', session.lang));
        const paused: Session = { ...session, status: 'paused', updatedAt: now() };
        await deps.store.save(paused);
        return paused;
      });
    },

    async resume(sessionId) {
      return locks.run(sessionId, async () => {
        const session = await load(sessionId);
        if (session.status === 'ended') throw new UserFacingError('session_ended', engineMessage('session_ended', session.lang));
        const resumed: Session = { ...session, status: 'active', updatedAt: now() };
        await deps.store.save(resumed);
        const line = currentLine(resumed);
        if (!line) throw new Error(`session ${sessionId} has no customer line`);
        return { session: resumed, line };
      });
    },

    async end(sessionId) {
      return locks.run(sessionId, async () => {
        const session = await load(sessionId);
        if (session.status === 'ended') return { session, summary: summarize(session) };
        const ended: Session = { ...session, status: 'ended', outcome: 'stopped', pendingReply: null, endedAt: now(), updatedAt: now() };
        await deps.store.save(ended);
        deps.log.info({ sessionId, turns: ended.turns }, 'session ended');
        return { session: ended, summary: summarize(ended) };
      });
    },

    get: (sessionId) => deps.store.get(sessionId),

    async present(sessionId, shared) {
      return locks.run(sessionId, async () => {
        const session = await load(sessionId);
        if (session.status === 'paused') throw new UserFacingError('session_paused', engineMessage('session_paused', session.lang));
        if (session.status === 'ended' && session.outcome === 'stopped') {
          throw new UserFacingError('session_ended', engineMessage('session_ended', session.lang));
        }
        requireStage(deps.personas.require(session.personaId), shared.stage);
        const answered = new Set(session.exchanges.map((exchange) => exchange.lineN));
        const line: CustomerLine = {
          n: session.lines.length === 0 ? 0 : Math.max(...session.lines.map((existing) => existing.n)) + 1,
          text: shared.text,
          stage: shared.stage,
          ...(shared.narration ? { narration: shared.narration } : {}),
          voice: 'script',
          at: now(),
          retracted: false,
        };
        const updated: Session = {
          ...session,
          status: 'active',
          outcome: null,
          endedAt: null,
          stage: shared.stage,
          pendingReply: null,
          lines: [...session.lines.map((existing) => (answered.has(existing.n) ? existing : { ...existing, retracted: true })), line],
          updatedAt: now(),
        };
        await deps.store.save(updated);
        return updated;
      });
    },

    summarize,

    async recoverPending() {
      const results: ReplyResult[] = [];
      for (const id of await deps.store.listOpen()) {
        const result = await locks.run(id, async () => {
          const session = await deps.store.get(id);
          if (!session?.pendingReply || session.status !== 'active') return null;
          deps.log.info({ sessionId: id }, 'answering a reply received before the restart');
          return answerPending(session);
        });
        if (result) results.push(result);
      }
      return results;
    },

    exclusive: (sessionId, task) => locks.run(sessionId, task),
  };
  return engine;
}
