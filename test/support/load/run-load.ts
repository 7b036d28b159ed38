import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { uiText } from '../../../src/discord/ui-text.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { createFakeDiscord, type FakeDiscord, type FakeMember } from '../fake-discord/index.js';
import { ProbeMessageSchema, type ProbeMessage, type ProbeRequest, type ProbeStats } from './probe-protocol.js';

/**
 * The load scenario: the real bot in its own process (production start-up, configuration from the
 * environment) against the fake Discord in this one, N trainees practising at once, each replying
 * as soon as the feedback on their last reply is posted, for T turns. Returns the figures and every
 * sign of a lost or doubled exchange.
 */

const BOT_PROCESS = fileURLToPath(new URL('bot-process.ts', import.meta.url));
/** PERSONAS_DIR of the bot: the long-call persona that lasts 20 turns whatever the trainee writes */
const LOAD_PERSONAS_DIR = fileURLToPath(new URL('personas/', import.meta.url));
const LOAD_PERSONA_ID = 'long-call';

export interface LoadOptions {
  /** the bot's keyv store: `sqlite://…` or `redis://…` */
  storeUrl: string;
  /** an OpenAI-compatible endpoint; absent: the offline path (scripted voice, lexicon grader) */
  llmBaseUrl?: string | undefined;
  trainees: number;
  turns: number;
  /** the bot's REST budget (DISCORD_REST_GLOBAL_RPS); default 10,000, since the fake limits nothing */
  restRequestsPerSecond?: number;
  /** LLM_MAX_CONCURRENCY; default two calls per trainee (judge and voice run side by side), at most 256 */
  llmConcurrency?: number;
  /** how many `/practice start` run at once before the measured phase; default 25 */
  startConcurrency?: number;
  /**
   * exchanges one extra trainee makes before the measured phase (not counted), so the figures show
   * a bot whose code is compiled and warm, not its first minute; default 0
   */
  warmupTurns?: number;
  /**
   * how long a trainee thinks before each reply, in ms (each pause drawn between half and one and a
   * half times this); default 0: the reply goes out the moment the feedback arrives
   */
  thinkMs?: number;
  /** how long one exchange may take before it counts as lost; default 30 s */
  exchangeTimeoutMs?: number;
  /** further variables for the bot process; they win over the driver's */
  env?: Record<string, string>;
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  trainees: number;
  turns: number;
  thinkMs: number;
  /** exchanges answered in the measured phase */
  exchanges: number;
  durationMs: number;
  exchangesPerSecond: number;
  /** trainee message sent → feedback embed received by the fake, in ms */
  latency: Percentiles;
  /** event-loop delay of the bot process during the measured phase, in ms */
  botLoop: ProbeStats['loop'];
  /** event-loop delay of this process (fake Discord, fake OpenAI, driver): shows whether the driver kept up */
  driverLoopP99: number;
  memory: {
    /** bot heap after a forced GC before the first practice, and after the run with every session open */
    heapBeforeBytes: number;
    heapAfterBytes: number;
    /** false when the bot process had no `gc()`; then the heap figures include garbage */
    collected: boolean;
    /** heap growth divided by the open sessions */
    perSessionBytes: number;
    rssBeforeBytes: number;
    rssAfterBytes: number;
    /** V8's reserved heap after the run: RSS beyond it and the loader thread is native memory */
    heapTotalAfterBytes: number;
    /** the bot process's highest resident memory over its whole life */
    peakRssBytes: number;
  };
  /**
   * CPU the bot process spent per exchange in the measured phase, in ms: unlike latency, hardly
   * moved by other processes on a busy machine; 1000 / this is one core's exchanges per second
   */
  botCpuPerExchangeMs: number;
  /** REST requests the bot made per exchange in the measured phase */
  restPerExchange: number;
  /** which grader graded the stored exchanges (`offline`, `llm`, …) */
  gradedBy: Record<string, number>;
  /** the variables the bot ran with (token left out), to print beside the figures */
  settings: Record<string, string>;
  /** every exchange lost, doubled or missing from the store; empty when nothing was lost */
  problems: string[];
}

/** Runs the scenario once; the caller starts and stops the store server and the LLM fake. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const fake = await createFakeDiscord();
  const guild = fake.guild({ name: 'Load Bank', channels: ['practice'] });
  const members = Array.from({ length: options.trainees }, (_, i) => fake.member(guild, { username: `trainee${i}` }));
  const warmup = fake.member(guild, { username: 'warmup' });
  const settings = botSettings(options, fake.restApi);
  const driverLoop = monitorEventLoopDelay({ resolution: 5 });
  const problems: string[] = [];
  const bot = await startBotProcess(settings);
  try {
    const before = await bot.stats(true);
    const tracker = trackReplies(fake);
    const warmups = (options.warmupTurns ?? 0) > 0 ? [warmup] : [];
    const threads = await startPractices(fake, tracker, [...warmups, ...members], options, problems);
    const sent = new Map<string, string[]>();
    let pace = 0;
    /** one trainee's replies, each sent as soon as the feedback on the last one arrived */
    const practise = async (member: FakeMember, index: number, turns: number, latencies: number[]) => {
      const thread = threads.get(member.user.id);
      if (!thread) return;
      const texts: string[] = [];
      sent.set(thread, texts);
      for (let turn = 1; turn <= turns; turn++) {
        if (pace > 0) await sleep(pace * (0.5 + Math.random()));
        const text = traineeText(index, turn);
        texts.push(text);
        const sentAt = performance.now();
        fake.say(member, thread, text);
        const answeredAt = await fake.waitFor(() => tracker.feedbackAt(thread, turn), options.exchangeTimeoutMs ?? 30_000).catch(() => undefined);
        if (answeredAt === undefined) {
          problems.push(`${member.user.username}: no feedback on turn ${turn}`);
          return;
        }
        latencies.push(answeredAt - sentAt);
      }
    };
    for (const member of warmups) await practise(member, options.trainees, options.warmupTurns ?? 0, []);

    pace = options.thinkMs ?? 0;
    const requestsBefore = fake.requests.length;
    const cpuBefore = (await bot.stats(false)).cpuMs;
    bot.send({ type: 'reset-loop' });
    driverLoop.enable();
    const started = performance.now();
    const latencies: number[] = [];
    await Promise.all(members.map((member, index) => practise(member, index, options.turns, latencies)));
    const durationMs = performance.now() - started;
    driverLoop.disable();
    const restRequests = fake.requests.length - requestsBefore;
    const during = await bot.stats(false);
    const after = await bot.stats(true);

    // A doubled answer would arrive right behind the first one: give it a moment to show up.
    await sleep(300);
    for (const [thread, texts] of sent) {
      const feedback = tracker.feedbackCount(thread);
      if (feedback !== texts.length) problems.push(`thread ${thread}: ${feedback} feedback embeds for ${texts.length} replies`);
      const errors = tracker.errorReplies(thread);
      if (errors > 0) problems.push(`thread ${thread}: ${errors} error replies`);
    }
    for (const request of fake.unexpected) problems.push(`the bot called an unknown route: ${request.method} ${request.path}`);

    await bot.stop();
    const gradedBy = await checkTranscripts(options.storeUrl, sent, problems);
    const sessions = threads.size;
    return {
      trainees: options.trainees,
      turns: options.turns,
      thinkMs: options.thinkMs ?? 0,
      exchanges: latencies.length,
      durationMs,
      exchangesPerSecond: latencies.length / (durationMs / 1000),
      latency: percentiles(latencies),
      botLoop: during.loop,
      driverLoopP99: driverLoop.percentile(99) / 1e6,
      memory: {
        heapBeforeBytes: before.heapUsedBytes,
        heapAfterBytes: after.heapUsedBytes,
        collected: before.collected && after.collected,
        perSessionBytes: sessions > 0 ? (after.heapUsedBytes - before.heapUsedBytes) / sessions : 0,
        rssBeforeBytes: before.rssBytes,
        rssAfterBytes: after.rssBytes,
        heapTotalAfterBytes: after.heapTotalBytes,
        peakRssBytes: after.peakRssBytes,
      },
      botCpuPerExchangeMs: latencies.length > 0 ? (during.cpuMs - cpuBefore) / latencies.length : 0,
      restPerExchange: latencies.length > 0 ? restRequests / latencies.length : 0,
      gradedBy,
      settings: Object.fromEntries(Object.entries(settings).filter(([key]) => key !== 'DISCORD_TOKEN' && key !== 'PATH')),
      problems,
    };
  } finally {
    bot.kill();
    await fake.close();
  }
}

/** A reply that reads like a trainee's and is unique, so the transcript check finds each one exactly. */
function traineeText(trainee: number, turn: number): string {
  const replies = [
    'I understand how annoying a double charge is. I will check the invoice right now',
    'That sounds really frustrating after three weeks. I am looking at your account now',
    'You are right to expect your money back. I can start the refund today',
  ];
  return `${replies[(trainee + turn) % replies.length] ?? ''} (case ${trainee}-${turn}).`;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

// ------------------------------------------------------------------ the bot process

function botSettings(options: LoadOptions, restApi: string): Record<string, string> {
  const llm: Record<string, string> = options.llmBaseUrl
    ? {
        OPENAI_BASE_URL: options.llmBaseUrl,
        LLM_PERSONA_MODEL: 'fake-persona',
        LLM_JUDGE_MODEL: 'fake-judge',
        LLM_MAX_CONCURRENCY: String(options.llmConcurrency ?? Math.min(256, 2 * options.trainees)),
        // Caps on, as in production (each call checks them), but far above what a run spends:
        // reaching one would switch sessions to offline mid-run.
        LLM_SESSION_TOKEN_CAP: '100000000',
        LLM_GUILD_DAILY_TOKEN_CAP: '1000000000',
      }
    : {};
  return {
    // Only what the bot needs: an OPENAI_API_KEY in the driver's environment must not reach it.
    PATH: process.env['PATH'] ?? '',
    DISCORD_TOKEN: 'load-test',
    DISCORD_API_URL: restApi,
    DISCORD_REST_GLOBAL_RPS: String(options.restRequestsPerSecond ?? 10_000),
    STORE_URL: options.storeUrl,
    // Every trainee replies the moment the feedback arrives, far faster than a person types: the
    // per-member limits would refuse them, so they are off (0) and the bench prints that.
    RATE_LIMIT_REPLIES_PER_MINUTE: '0',
    RATE_LIMIT_COMMANDS_PER_MINUTE: '0',
    PERSONAS_DIR: LOAD_PERSONAS_DIR,
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    ...llm,
    ...options.env,
  };
}

interface BotProcess {
  send(request: ProbeRequest): void;
  stats(gc: boolean): Promise<ProbeStats>;
  stop(): Promise<void>;
  kill(): void;
}

async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcess = fork(BOT_PROCESS, [], {
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env['LOAD_BOT_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['LOAD_BOT_PROFILE']}`] : []),
    ],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ProbeMessage['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<ProbeMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        finish(new Error(`the bot process sent no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (raw: unknown) => {
        const message = ProbeMessageSchema.parse(raw);
        if (message.type === 'failed') finish(new Error(`the bot process failed: ${message.message}`));
        else if (message.type === type) finish(undefined, message as Extract<ProbeMessage, { type: T }>);
      };
      const onExit = (code: number | null) => {
        finish(new Error(`the bot process exited (${code}) before "${type}"`));
      };
      function finish(error: Error | undefined, message?: Extract<ProbeMessage, { type: T }>) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (message) resolve(message);
        else reject(error ?? new Error(`no "${type}" from the bot process`));
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  try {
    await next('ready', 60_000);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    send: (request) => child.send(request),
    async stats(gc) {
      const reply = next('stats', 10_000);
      child.send({ type: 'stats', gc } satisfies ProbeRequest);
      return reply;
    },
    async stop() {
      const stopped = next('stopped', 15_000);
      child.send({ type: 'stop' } satisfies ProbeRequest);
      await stopped;
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

// ------------------------------------------------------------------ watching what the bot posts

interface ReplyTracker {
  threadOf(userId: string): string | undefined;
  customerLines(threadId: string): number;
  /** when the fake received the `turn`-th feedback embed in the thread (performance.now()), if it has */
  feedbackAt(threadId: string, turn: number): number | undefined;
  feedbackCount(threadId: string): number;
  errorReplies(threadId: string): number;
}

/**
 * Reads the fake's request log from where it last stopped whenever it is asked, so a hundred
 * trainees waiting on the fake cost one pass over new requests, not a scan of every message each.
 * The fake calls waiters right after answering a request, so the times are when the bot's post
 * arrived.
 */
function trackReplies(fake: FakeDiscord): ReplyTracker {
  const feedbackTitle = uiText('en').practice.feedbackTitle;
  const threadByUser = new Map<string, string>();
  const lines = new Map<string, number>();
  const feedback = new Map<string, number[]>();
  const errors = new Map<string, number>();
  let cursor = 0;
  const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  function catchUp(): void {
    const now = performance.now();
    for (; cursor < fake.requests.length; cursor++) {
      const request = fake.requests[cursor];
      if (!request) continue;
      const member = /^\/channels\/(\d+)\/thread-members\/(\d+)$/.exec(request.path);
      if (request.method === 'PUT' && member?.[1] && member[2]) threadByUser.set(member[2], member[1]);
      const post = /^\/channels\/(\d+)\/messages$/.exec(request.path);
      if (request.method !== 'POST' || !post?.[1]) continue;
      const channelId = post[1];
      const body = (request.body ?? {}) as { content?: string; embeds?: Array<{ title?: string }>; message_reference?: unknown };
      if (body.message_reference !== undefined) increment(errors, channelId);
      else if (body.embeds?.some((embed) => embed.title?.startsWith(feedbackTitle))) feedback.set(channelId, [...(feedback.get(channelId) ?? []), now]);
      else if (body.content && (body.embeds ?? []).length === 0) increment(lines, channelId);
    }
  }

  return {
    threadOf: (userId) => (catchUp(), threadByUser.get(userId)),
    customerLines: (threadId) => (catchUp(), lines.get(threadId) ?? 0),
    feedbackAt: (threadId, turn) => (catchUp(), feedback.get(threadId)?.[turn - 1]),
    feedbackCount: (threadId) => (catchUp(), feedback.get(threadId)?.length ?? 0),
    errorReplies: (threadId) => (catchUp(), errors.get(threadId) ?? 0),
  };
}

/** `/practice start` for every trainee, a few at a time; resolves to thread ids by user id. */
async function startPractices(
  fake: FakeDiscord,
  tracker: ReplyTracker,
  members: FakeMember[],
  options: LoadOptions,
  problems: string[],
): Promise<Map<string, string>> {
  const threads = new Map<string, string>();
  const queue = [...members];
  const worker = async () => {
    for (let member = queue.shift(); member; member = queue.shift()) {
      const userId = member.user.id;
      fake.slash(member, 'practice', { sub: 'start', options: { persona: LOAD_PERSONA_ID, language: 'en' } });
      const thread = await fake
        .waitFor(() => {
          const id = tracker.threadOf(userId);
          return id !== undefined && tracker.customerLines(id) > 0 ? id : undefined;
        }, 30_000)
        .catch(() => undefined);
      if (thread) threads.set(userId, thread);
      else problems.push(`${member.user.username}: the practice did not start`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(members.length, options.startConcurrency ?? 25) }, worker));
  return threads;
}

/** Every reply sent must be in its session's transcript, once and in order. */
async function checkTranscripts(storeUrl: string, sent: Map<string, string[]>, problems: string[]): Promise<Record<string, number>> {
  const storage = await openStorage({ url: storeUrl, log: pino({ level: 'silent' }) });
  const gradedBy: Record<string, number> = {};
  try {
    for (const [thread, texts] of sent) {
      const session = await storage.sessions.findByChannel(thread);
      if (!session) {
        problems.push(`thread ${thread}: no session in the store`);
        continue;
      }
      const stored = session.exchanges.map((exchange) => exchange.reply);
      if (stored.join('\n') !== texts.join('\n')) {
        problems.push(`thread ${thread}: the store holds ${stored.length} exchanges for ${texts.length} replies, or another order`);
      }
      for (const exchange of session.exchanges) gradedBy[exchange.grade.source.grader] = (gradedBy[exchange.grade.source.grader] ?? 0) + 1;
    }
  } finally {
    await storage.close();
  }
  return gradedBy;
}
