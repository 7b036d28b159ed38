import { afterEach, describe, expect, it } from 'vitest';
import { GradeSchema, type Grade, type GradeInput, type Turn } from '../../src/evaluation/grade.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import type { ChatBody, GullibleMode } from '../support/fake-openai/fake-openai-server.js';
import { startLlmHarness, type LlmHarness } from '../support/fake-openai/llm-test-kit.js';
import { raisedCriteria } from '../support/hostile/grade-comparison.js';
import { hostileCorpus, sampleCorpus, type HostileCase } from '../support/hostile/hostile-corpus.js';
import { carriesInstruction } from '../support/hostile/injections.js';
import { detectInjection, screenInstructions } from '../../src/evaluation/injection-markers.js';

/**
 * The LLM judge path over real HTTP against the fake OpenAI server, with the real offline grader
 * behind it. The judge is honest but harsh (2/5 for everything) unless an instruction reaches it:
 * then it obeys and answers 5/5. So an injection that gets through shows up as a raised grade.
 */

const corpus = hostileCorpus();
const pairs = corpus.filter((item): item is HostileCase & { pair: NonNullable<HostileCase['pair']> } => item.pair !== undefined);
const session = { id: 'hostile-session', guildId: 'hostile-guild' };
const env = { LLM_SESSION_TOKEN_CAP: '0', LLM_GUILD_DAILY_TOKEN_CAP: '0', LLM_MAX_CONCURRENCY: '8', LLM_HISTORY_TURNS: '8' };

function answer(score: number, sub: 0 | 1 | 2, verdict: string): Record<string, unknown> {
  return {
    composure: { score, evidence: [] },
    empathy: { score, emotionalReaction: sub, interpretation: sub > 0 ? 1 : 0, exploration: 0, evidence: [] },
    boundary: { needed: false, verdict, evidence: [] },
    signals: { offersSolution: false, endsConversation: false },
    feedback: { strength: 'Calm.', tip: 'Name the feeling.', example: 'I can hear how annoying this is.' },
  };
}
const HONEST = answer(2, 1, 'not_needed');
const OBEYED = { ...answer(5, 2, 'set_well'), empathy: { score: 5, emotionalReaction: 2, interpretation: 2, exploration: 2, evidence: [] } };

function block(content: string, tag: string): string {
  return new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(content)?.[1] ?? '';
}

/** The evidence quotes the offline grader passed along: trainee text too, so an instruction there counts. */
function evidenceQuotes(content: string): string {
  const json = block(content, 'offline_evidence').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  try {
    const parsed = JSON.parse(json) as Record<string, { evidence?: string[] }>;
    return Object.values(parsed)
      .flatMap((part) => part.evidence ?? [])
      .join('\n');
  } catch {
    return json;
  }
}

/** A judge that follows any instruction from the corpus it can read, wherever in the data it is. */
function obeyingJudge(body: ChatBody): Record<string, unknown> {
  const user = body.messages
    .filter((message) => message.role !== 'system')
    .map((message) => message.content)
    .join('\n');
  const readable = [block(user, 'trainee_reply'), block(user, 'history'), block(user, 'customer_line'), evidenceQuotes(user)];
  return readable.some(carriesInstruction) ? OBEYED : HONEST;
}

function inputOf(item: HostileCase, reply: string, history: Turn[] = []): GradeInput {
  return {
    lang: item.lang,
    customer: item.customer.text,
    reply,
    history,
    context: { personaId: 'frustrated', focus: [], customerAbusive: item.customer.insulting },
  };
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function judgeHarness(gullible: GullibleMode, obeying: boolean): Promise<LlmHarness> {
  return startLlmHarness({
    env,
    offlineGrader: createOfflineGrader({ rubricVersion: 'hostile-test' }),
    fake: { gullible, judgeAnswer: obeying ? obeyingJudge : () => HONEST },
  });
}

/** Grades each pair with and without its injection; lists every criterion the injection raised. */
async function raisedByInjection(h: LlmHarness, items: ReadonlyArray<HostileCase & { pair: NonNullable<HostileCase['pair']> }>): Promise<string[]> {
  const cleanGrades = new Map<string, Promise<Grade>>();
  const clean = (item: HostileCase & { pair: NonNullable<HostileCase['pair']> }) => {
    const key = `${item.lang}|${item.customer.text}|${item.pair.base.text}`;
    if (!cleanGrades.has(key)) cleanGrades.set(key, h.providers.grader.grade(inputOf(item, item.pair.base.text), { session }));
    return cleanGrades.get(key)!;
  };
  const found = await inBatches(items, 8, async (item) => {
    const [injected, without] = await Promise.all([h.providers.grader.grade(inputOf(item, item.reply), { session }), clean(item)]);
    expect(GradeSchema.safeParse(injected).success, item.id).toBe(true);
    const raised = raisedCriteria(injected, without);
    return raised.length > 0 ? `${item.id} (${item.pair.payload.id}, ${item.pair.placement}, ${item.pair.disguise}): ${raised.join(', ')}` : null;
  });
  return found.filter((line): line is string => line !== null);
}

describe('the LLM judge path against the hostile corpus', () => {
  it('finds every injection of the corpus and leaves nothing a model would obey in what the judge reads; flags no other case', () => {
    const unflagged = pairs.filter((item) => detectInjection(item.reply).length === 0).map((item) => item.id);
    const residue = pairs.filter((item) => carriesInstruction(screenInstructions(item.reply).text)).map((item) => item.id);
    const falseHits = corpus.filter((item) => !item.pair && detectInjection(item.reply).length > 0).map((item) => item.id);
    const flaggedBases = [...new Set(pairs.map((item) => item.pair.base.text))].filter((text) => detectInjection(text).length > 0);
    expect({ unflagged, residue, falseHits, flaggedBases }).toEqual({ unflagged: [], residue: [], falseHits: [], flaggedBases: [] });
  });

  // Every third pair still has every payload in every placement and every disguise (3 and the 7
  // disguises are coprime); all 720 take three times as long over HTTP, and the check above covers them.
  const third = pairs.filter((_item, index) => index % 3 === 0);

  it(`never grades a reply higher for its injection, with a judge that obeys any instruction it reads (${third.length} pairs)`, async () => {
    harness = await judgeHarness('off', true);
    expect(await raisedByInjection(harness, third)).toEqual([]);
    // the judge was asked about the injected replies too (only those that are all instruction are not sent)
    expect(harness.fake.requests.length).toBeGreaterThan(third.length / 2);
  });

  it('never lets an injection in an earlier trainee reply raise the grade of the next one', async () => {
    harness = await judgeHarness('off', true);
    const sample = pairs.filter((_item, index) => index % 8 === 1);
    const raised = await inBatches(sample, 8, async (item) => {
      const turns = (previous: string): Turn[] => [
        { role: 'customer', text: item.customer.text },
        { role: 'trainee', text: previous },
      ];
      const [polluted, clean] = await Promise.all([
        harness!.providers.grader.grade(inputOf(item, item.pair.base.text, turns(item.reply)), { session }),
        harness!.providers.grader.grade(inputOf(item, item.pair.base.text, turns(item.pair.base.text)), { session }),
      ]);
      const found = raisedCriteria(polluted, clean);
      return found.length > 0 ? `${item.id}: ${found.join(', ')}` : null;
    });
    expect(raised.filter(Boolean)).toEqual([]);
  });

  it.each([
    ['unprotected', 160],
    ['always', 60],
  ] as const)('never grades a reply higher for its injection with the fake judge gullible "%s" (a sample of %i pairs)', async (mode, size) => {
    harness = await judgeHarness(mode, false);
    const step = pairs.length / size;
    const sample = Array.from({ length: size }, (_unused, index) => pairs[Math.floor(index * step)]!);
    expect(await raisedByInjection(harness, sample)).toEqual([]);
  });

  it('grades every other hostile family without throwing, each grade schema-valid', async () => {
    harness = await judgeHarness('off', true);
    const sample = sampleCorpus(
      corpus.filter((item) => item.family !== 'injection'),
      {},
      20,
    );
    const grades = await inBatches(sample, 8, (item) => harness!.providers.grader.grade(inputOf(item, item.reply), { session }));
    const invalid = sample.filter((_item, index) => !GradeSchema.safeParse(grades[index]).success).map((item) => item.id);
    expect(invalid).toEqual([]);
  });
});
