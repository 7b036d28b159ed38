import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible server for tests: `POST /v1/chat/completions` over real HTTP on
 * 127.0.0.1, non-streaming and SSE streaming. It records every request and answers each one with a
 * programmable behaviour, so tests can drive the real `openai` client through every failure kind.
 */

export interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  max_tokens?: number;
  temperature?: number;
}

/** Which provider sent a request: the judge asks for structured output, the voice does not. */
export type Purpose = 'judge' | 'voice';

export interface RecordedRequest {
  n: number;
  purpose: Purpose;
  body: ChatBody;
  headers: IncomingMessage['headers'];
  /** ms since the server started, when the request arrived and when its answer was finished (or it was cut) */
  receivedAt: number;
  finishedAt: number | null;
  /** what the server did with it */
  behaviour: FakeBehaviour['kind'];
  /** the fault the seeded fault mode injected into this request, or null */
  fault: FaultKind | null;
}

/** The failures the seeded fault mode mixes (see {@link FaultPlan}). */
export const FAULT_KINDS = ['status_500', 'status_503', 'rate_limit', 'reset', 'slow', 'malformed_body', 'wrong_json', 'truncated_json', 'empty'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Seeded faults: a share `rate` of the requests fail (exactly that share of every ten, at seeded
 * positions), with kinds dealt from shuffled decks of `kinds`, so every kind comes up once the
 * first `kinds.length` faults are dealt. Judge and voice requests are dealt separately, so the
 * same seed gives the n-th judge request and the n-th voice request the same fate however the two
 * interleave: a failing run can be replayed.
 */
export interface FaultPlan {
  rate: number;
  seed: number;
  kinds?: readonly FaultKind[];
  /** how long a `slow` fault waits before answering normally; make it longer than the client's timeout */
  slowMs: number;
}

export type FakeBehaviour =
  /** answer with the persona line / judge JSON from the handlers */
  | { kind: 'normal' }
  /** wait, then behave as `then` (default normal); an aborted client just disconnects */
  | { kind: 'slow'; delayMs: number; then?: FakeBehaviour }
  | { kind: 'status'; status: number; message?: string }
  /** 429 with a `retry-after` header in seconds (or an HTTP date) */
  | { kind: 'rate_limit'; retryAfter: string }
  /** 200 with content that is cut-off JSON and `finish_reason: length` */
  | { kind: 'truncated_json' }
  /** 200 with content that is JSON of the wrong shape */
  | { kind: 'wrong_json' }
  /** a 200 whose HTTP body is not JSON at all (a proxy's page) */
  | { kind: 'malformed_body' }
  | { kind: 'content_filter' }
  | { kind: 'refusal' }
  /** destroys the socket without an answer */
  | { kind: 'reset' }
  /** exactly this content */
  | { kind: 'content'; content: string; finishReason?: string };

export type GullibleMode =
  /** a proper judge: follows no instructions in the data */
  | 'off'
  /** answers 5/5 when injection text reaches it outside the trainee block, or the block's tags are forged */
  | 'unprotected'
  /** answers 5/5 whenever injection text reaches it at all (a model that follows instructions anyway) */
  | 'always';

export interface FakeOpenAiOptions {
  /** the customer line for a normal voice request */
  voiceLine?: (body: ChatBody) => string;
  /** the grade answer (without `source`) for a normal judge request */
  judgeAnswer?: (body: ChatBody) => Record<string, unknown>;
  gullible?: GullibleMode;
}

export interface FakeOpenAi {
  /** pass as `baseURL` to the OpenAI client, e.g. http://127.0.0.1:PORT/v1 */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** behaviours for the next requests of a purpose (or of any purpose), in order; afterwards `normal` */
  enqueue(purpose: Purpose | 'any', ...behaviours: FakeBehaviour[]): void;
  /** the behaviour used when no queued one applies */
  setDefault(behaviour: FakeBehaviour): void;
  setGullible(mode: GullibleMode): void;
  /** seeded random faults for the requests from now on (queued behaviours still come first); null: off */
  setFaults(plan: FaultPlan | null): void;
  /** the most requests that were in flight at the same moment */
  maxInFlight(): number;
  close(): Promise<void>;
}

const INJECTION_TEXT = /ignore (all )?(previous |prior )?instructions|rate this 5\/5|ignoriere alle|system:|"composure"\s*:/i;

export function neutralJudgeAnswer(score = 3): Record<string, unknown> {
  return {
    composure: { score, evidence: [] },
    empathy: { score, emotionalReaction: 1, interpretation: 1, exploration: 0, evidence: [] },
    boundary: { needed: false, verdict: 'not_needed', evidence: [] },
    signals: { offersSolution: false, endsConversation: false },
    feedback: { strength: 'Calm tone.', tip: 'Name what the customer feels.', example: 'I can hear how annoying this is.' },
  };
}

function perfectJudgeAnswer(): Record<string, unknown> {
  return {
    composure: { score: 5, evidence: ['perfect'] },
    empathy: { score: 5, emotionalReaction: 2, interpretation: 2, exploration: 2, evidence: ['perfect'] },
    boundary: { needed: false, verdict: 'not_needed', evidence: [] },
    signals: { offersSolution: true, endsConversation: false },
    feedback: { strength: 'Perfect.', tip: 'Nothing to improve.', example: 'Perfect.' },
  };
}

/** Messages that carry conversation data (the system prompt may quote injection examples itself). */
function dataMessages(body: ChatBody): ChatBody['messages'] {
  return body.messages.filter((message) => message.role !== 'system');
}

function withoutOfflineEvidence(text: string): string {
  return text.replace(/<offline_evidence>[\s\S]*?<\/offline_evidence>/g, '');
}

/** Does injection text reach the judge outside the escaped `<trainee_reply>` block? */
function seesUnprotectedInjection(body: ChatBody): boolean {
  return dataMessages(body).some((message) => {
    const blocks = [...message.content.matchAll(/<trainee_reply>\n([\s\S]*?)\n<\/trainee_reply>/g)];
    const outside = message.content.replace(/<trainee_reply>\n[\s\S]*?\n<\/trainee_reply>/g, '');
    const forged = blocks.some((block) => /[<>]/.test(block[1] ?? ''));
    return forged || INJECTION_TEXT.test(withoutOfflineEvidence(outside));
  });
}

/** mulberry32: a small seeded PRNG, good enough to pick faults reproducibly */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function faultBehaviour(kind: FaultKind, plan: FaultPlan): FakeBehaviour {
  switch (kind) {
    case 'status_500':
      return { kind: 'status', status: 500 };
    case 'status_503':
      return { kind: 'status', status: 503, message: 'overloaded' };
    case 'rate_limit':
      return { kind: 'rate_limit', retryAfter: '0' };
    case 'slow':
      return { kind: 'slow', delayMs: plan.slowMs };
    case 'empty':
      return { kind: 'content', content: '' };
    default:
      return { kind };
  }
}

/** Requests are dealt their fates in blocks of this many: exactly `rate` of each block fail. */
const FAULT_BLOCK = 10;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Decides the fate of each request of one stream in arrival order: in every block of
 * {@link FAULT_BLOCK} requests, `rate` of them at seeded positions fail, with kinds dealt from
 * `firstDeck` and then from reshuffled decks.
 */
function createFaultDealer(plan: FaultPlan, seed: number, firstDeck: readonly FaultKind[]): () => FaultKind | null {
  const random = seededRandom(seed);
  const kinds = plan.kinds ?? FAULT_KINDS;
  const perBlock = Math.round(plan.rate * FAULT_BLOCK);
  let deck = [...firstDeck];
  let block: boolean[] = [];
  return () => {
    if (block.length === 0) {
      const positions = shuffled([...Array(FAULT_BLOCK).keys()], random);
      block = [...Array(FAULT_BLOCK).keys()].map((i) => positions.indexOf(i) < perBlock);
    }
    if (!block.shift()) return null;
    if (deck.length === 0) deck = shuffled(kinds, random);
    return deck.pop() ?? null;
  };
}

/**
 * One dealer per purpose, so the judge's and the voice's requests keep their fates however they
 * interleave. Their first decks run in opposite orders: between them, the first `kinds.length`
 * faults cover every kind.
 */
function createFaultDealers(plan: FaultPlan): Record<Purpose, () => FaultKind | null> {
  const firstDeck = shuffled(plan.kinds ?? FAULT_KINDS, seededRandom(plan.seed));
  return {
    judge: createFaultDealer(plan, plan.seed + 1, firstDeck),
    voice: createFaultDealer(plan, plan.seed + 2, [...firstDeck].reverse()),
  };
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Usage the fake reports: a quarter of the characters, so tests can compute what to expect. */
export function fakeUsage(body: ChatBody, content: string, cachedTokens = 0): FakeUsage {
  const prompt = estimateTokens(body.messages.map((message) => message.content).join(''));
  const completion = estimateTokens(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, prompt_tokens_details: { cached_tokens: cachedTokens } };
}

interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
}

/**
 * Prompt caching as OpenAI documents it: a prompt prefix of at least 1,024 tokens seen before is
 * served from cache, in steps of 128 tokens. Which prefix was seen is remembered per model.
 */
const CACHE_MIN_TOKENS = 1024;
const CACHE_STEP_TOKENS = 128;
function cachedPrefixTokens(seen: readonly string[], prompt: string): number {
  let longest = 0;
  for (const earlier of seen) {
    let i = 0;
    while (i < earlier.length && i < prompt.length && earlier[i] === prompt[i]) i++;
    longest = Math.max(longest, i);
  }
  const tokens = Math.floor(longest / 4);
  return tokens < CACHE_MIN_TOKENS ? 0 : Math.floor(tokens / CACHE_STEP_TOKENS) * CACHE_STEP_TOKENS;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const started = performance.now();
  const requests: RecordedRequest[] = [];
  const queues: Record<Purpose | 'any', FakeBehaviour[]> = { judge: [], voice: [], any: [] };
  let fallbackBehaviour: FakeBehaviour = { kind: 'normal' };
  let gullible: GullibleMode = options.gullible ?? 'off';
  let faults: { plan: FaultPlan; deal: Record<Purpose, () => FaultKind | null> } | null = null;
  const voiceLine = options.voiceLine ?? (() => 'Fine. So what happens now with my card?');
  const judgeAnswer = options.judgeAnswer ?? (() => neutralJudgeAnswer());
  const at = () => performance.now() - started;

  function normalContent(purpose: Purpose, body: ChatBody): string {
    if (purpose === 'voice') return voiceLine(body);
    // The judge's own offline-evidence block carries grade keys ("composure":) by design; only
    // what came from the conversation counts as an injection reaching the model.
    const injected = dataMessages(body).some((message) => INJECTION_TEXT.test(withoutOfflineEvidence(message.content)));
    if (gullible === 'always' && injected) return JSON.stringify(perfectJudgeAnswer());
    if (gullible === 'unprotected' && seesUnprotectedInjection(body)) return JSON.stringify(perfectJudgeAnswer());
    return JSON.stringify(judgeAnswer(body));
  }

  const promptsSeen = new Map<string, string[]>();
  function sendCompletion(res: ServerResponse, body: ChatBody, content: string | null, finishReason: string, refusal: string | null = null): void {
    const prompt = body.messages.map((message) => message.content).join('');
    const seen = promptsSeen.get(body.model) ?? [];
    const usage = fakeUsage(body, content ?? refusal ?? '', cachedPrefixTokens(seen, prompt));
    promptsSeen.set(body.model, [...seen.slice(-20), prompt]);
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
        res.write(
          `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`,
        );
      chunk({ role: 'assistant', content: '' }, null);
      for (const piece of (content ?? '').match(/\S+\s*/g) ?? []) chunk({ content: piece }, null);
      if (refusal) chunk({ refusal }, null);
      chunk({}, finishReason);
      if (body.stream_options?.include_usage) {
        res.write(`data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [], usage })}\n\n`);
      }
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal }, finish_reason: finishReason, logprobs: null }],
        usage,
      }),
    );
  }

  function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}, code: string | null = null): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', param: null, code } }));
  }

  async function behave(behaviour: FakeBehaviour, purpose: Purpose, body: ChatBody, req: IncomingMessage, res: ServerResponse): Promise<void> {
    switch (behaviour.kind) {
      case 'normal': {
        sendCompletion(res, body, normalContent(purpose, body), 'stop');
        return;
      }
      case 'slow': {
        const gone = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => {
            resolve(false);
          }, behaviour.delayMs);
          res.once('close', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        if (gone) return;
        return behave(behaviour.then ?? { kind: 'normal' }, purpose, body, req, res);
      }
      case 'status': {
        sendError(res, behaviour.status, behaviour.message ?? 'fake server error');
        return;
      }
      case 'rate_limit': {
        sendError(res, 429, 'Rate limit reached', { 'retry-after': behaviour.retryAfter });
        return;
      }
      case 'truncated_json': {
        const full = normalContent('judge', body);
        sendCompletion(res, body, full.slice(0, Math.floor(full.length / 2)), 'length');
        return;
      }
      case 'wrong_json': {
        sendCompletion(res, body, JSON.stringify({ composure: 'great', empathy: 7 }), 'stop');
        return;
      }
      case 'malformed_body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return;
      case 'content_filter': {
        sendCompletion(res, body, null, 'content_filter');
        return;
      }
      case 'refusal': {
        sendCompletion(res, body, null, 'stop', 'I cannot help with that.');
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'content': {
        sendCompletion(res, body, behaviour.content, behaviour.finishReason ?? 'stop');
        return;
      }
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        sendError(res, 404, `no route ${req.method} ${req.url}`);
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
      const purpose: Purpose = body.response_format ? 'judge' : 'voice';
      const queued = queues[purpose].shift() ?? queues.any.shift();
      const fault = queued || !faults ? null : faults.deal[purpose]();
      const behaviour = queued ?? (fault && faults ? faultBehaviour(fault, faults.plan) : fallbackBehaviour);
      const record: RecordedRequest = {
        n: requests.length,
        purpose,
        body,
        headers: req.headers,
        receivedAt: at(),
        finishedAt: null,
        behaviour: behaviour.kind,
        fault,
      };
      requests.push(record);
      res.once('close', () => {
        record.finishedAt = at();
      });
      void behave(behaviour, purpose, body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue(purpose, ...behaviours) {
      queues[purpose].push(...behaviours);
    },
    setDefault(behaviour) {
      fallbackBehaviour = behaviour;
    },
    setGullible(mode) {
      gullible = mode;
    },
    setFaults(plan) {
      faults = plan ? { plan, deal: createFaultDealers(plan) } : null;
    },
    maxInFlight() {
      const events = requests.flatMap((request) => [
        { t: request.receivedAt, d: 1 },
        { t: request.finishedAt ?? Number.POSITIVE_INFINITY, d: -1 },
      ]);
      events.sort((a, b) => a.t - b.t || a.d - b.d);
      let current = 0;
      let max = 0;
      for (const event of events) {
        current += event.d;
        max = Math.max(max, current);
      }
      return max;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        }),
      );
    },
  };
}
