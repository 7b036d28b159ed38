import { expect } from 'vitest';
import type { Session } from '../../src/engine/session.js';
import { GradeSchema } from '../../src/evaluation/grade.js';
import { FAULT_KINDS, startFakeOpenAi, type ChatBody, type FakeOpenAi, type RecordedRequest } from '../support/fake-openai/fake-openai-server.js';

/*
 * Shared by the LLM fault tests: a fake endpoint failing 30 % of requests with a seeded mix of
 * faults, replies for both languages, and the check that ties each exchange's grade and line to
 * what the fake did with the requests made for it.
 */

/** FAULT_SEED=<n> replays a run; the default is fixed so CI is reproducible. */
export const FAULT_SEED = Number(process.env['FAULT_SEED'] ?? 20261125);
const FAULT_RATE = 0.3;
/** short, so a run with timeouts stays quick */
const LLM_TIMEOUT_MS = 1500;

/** LLM settings for the app under test; every call gets one retry, so a retried fault can still end well. */
export function llmEnv(baseURL: string): Record<string, string> {
  return {
    OPENAI_BASE_URL: baseURL,
    LLM_PERSONA_MODEL: 'fake-persona',
    LLM_JUDGE_MODEL: 'fake-judge',
    LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
    LLM_MAX_RETRIES: '1',
  };
}

const VOICE_LINES = [
  'Fine. So what happens now with this?',
  'I have been waiting long enough, you know.',
  'And how long will that take this time?',
  'Right. I am still not happy about it.',
  'Okay. Tell me what you can actually do.',
  'That is the first useful thing I have heard today.',
];

/** A fake whose normal voice answers never repeat (so no voice guard replaces them), failing as planned. */
export async function startFaultyFake(): Promise<FakeOpenAi> {
  let n = 0;
  const fake = await startFakeOpenAi({
    voiceLine: () => {
      const line = VOICE_LINES[n % VOICE_LINES.length] ?? 'Fine.';
      n++;
      return n <= VOICE_LINES.length ? line : `${line.slice(0, -1)}, for the ${n}th time${line.slice(-1)}`;
    },
  });
  // longer than the whole call may take, so a slow answer always meets the client's deadline
  fake.setFaults({ rate: FAULT_RATE, seed: FAULT_SEED, slowMs: LLM_TIMEOUT_MS + 1000 });
  return fake;
}

const REPLIES: Record<'de' | 'en', string[]> = {
  en: [
    'I am sorry, that sounds really stressful. Let me look into it right away',
    'I understand you are upset. I can check the details for you now',
    'Thank you for waiting. I have found the problem and I will fix it today',
    'Is there anything else weighing on you that I can help with',
  ],
  de: [
    'Das tut mir leid, das klingt wirklich belastend. Ich schaue sofort nach',
    'Ich verstehe, dass Sie verärgert sind. Ich prüfe das jetzt für Sie',
    'Danke für Ihre Geduld. Ich habe das Problem gefunden und behebe es heute',
    'Gibt es noch etwas, das Sie belastet und bei dem ich helfen kann',
  ],
};

/** The i-th reply of a session, made unique by a counter so the fake's records can be matched to it. */
export function replyText(lang: 'de' | 'en', turn: number, counter: number): string {
  const pool = REPLIES[lang];
  return `${pool[turn % pool.length] ?? pool[0]} (${counter}).`;
}

function lastUserMessage(body: ChatBody): string | undefined {
  return body.messages.filter((message) => message.role === 'user').at(-1)?.content;
}

/** The requests the judge and the voice made for one reply, in order. */
function requestsFor(fake: FakeOpenAi, reply: string): { judge: RecordedRequest[]; voice: RecordedRequest[] } {
  return {
    judge: fake.requests.filter((r) => r.purpose === 'judge' && r.body.messages.some((m) => m.content.includes(`<trainee_reply>\n${reply}\n</trainee_reply>`))),
    voice: fake.requests.filter((r) => r.purpose === 'voice' && lastUserMessage(r.body) === reply),
  };
}

interface ExchangeCheck {
  judgeFellBack: boolean;
  voiceFellBack: boolean | null;
}

/**
 * Checks one answered exchange against what the fake did: a complete, schema-valid grade; a
 * customer line unless the reply ended the practice without one; and a fallback exactly when the
 * last request of that call was a fault (earlier faults were retried or re-asked).
 */
export function checkExchange(fake: FakeOpenAi, session: Session, reply: string): ExchangeCheck {
  const exchange = session.exchanges.find((candidate) => candidate.reply === reply);
  if (!exchange) throw new Error(`no exchange stored for "${reply}"`);
  expect(GradeSchema.safeParse(exchange.grade).success, `grade of "${reply}" is schema-valid`).toBe(true);

  const { judge, voice } = requestsFor(fake, reply);
  expect(judge.length, `judge requests for "${reply}"`).toBeGreaterThan(0);
  const judgeFellBack = !exchange.grade.source.grader.startsWith('llm-judge:');
  expect(judgeFellBack, `"${reply}": grader ${exchange.grade.source.grader}, last judge request ${judge.at(-1)?.fault ?? 'normal'}`).toBe(
    judge.at(-1)?.fault !== null,
  );

  // no retries in these runs, so the customer's answer is simply the next line
  const answeredLine = session.lines.find((line) => line.n > exchange.lineN);
  const ended = session.exchanges.at(-1) === exchange && session.status === 'ended';
  if (!answeredLine) {
    // only an ending without the customer's word (turn limit, the trainee's goodbye) has no line
    expect(ended && (session.outcome === 'turn_limit' || session.outcome === 'trainee_ended'), `"${reply}" got no customer line`).toBe(true);
    return { judgeFellBack, voiceFellBack: null };
  }
  expect(answeredLine.text.trim(), `the customer line after "${reply}"`).not.toBe('');
  expect(voice.length, `voice requests for "${reply}"`).toBeGreaterThan(0);
  const voiceFellBack = answeredLine.voice === 'script';
  expect(voiceFellBack, `"${reply}": voice ${answeredLine.voice}, last voice request ${voice.at(-1)?.fault ?? 'normal'}`).toBe(voice.at(-1)?.fault !== null);
  return { judgeFellBack, voiceFellBack };
}

/** Every kind of fault was injected at least once, and the totals for the report. */
export function faultSummary(fake: FakeOpenAi): { requests: number; faults: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  for (const request of fake.requests) if (request.fault) byKind[request.fault] = (byKind[request.fault] ?? 0) + 1;
  for (const kind of FAULT_KINDS)
    expect(byKind[kind] ?? 0, `fault ${kind} injected (seed ${FAULT_SEED}; injected ${JSON.stringify(byKind)})`).toBeGreaterThan(0);
  return { requests: fake.requests.length, faults: Object.values(byKind).reduce((sum, n) => sum + n, 0), byKind };
}
