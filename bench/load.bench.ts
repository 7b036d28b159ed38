/**
 * Load: N trainees practising at once through the fake Discord (real discord.js client, real
 * store), each replying as soon as the feedback on their last reply is posted, for T turns. Rows:
 * offline and LLM path (fake OpenAI answering every call after 300 ms) on SQLite and on Redis
 * (a redis-server this bench starts; rows skipped without the binary), first with no pause between
 * replies (capacity), then paced (a short think before each reply: the latency targets), then a
 * memory row with many open sessions. The bot runs in its own process, started as in production; its memory and
 * event-loop figures are its own. The fake Discord and the driver share this process, the fake
 * OpenAI has its own.
 *
 *   npx tsx bench/load.bench.ts [trainees=100] [turns=20] [sessions=1000]
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAi } from '../test/support/fake-openai/fake-openai-server.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { runLoad, type LoadOptions, type LoadResult } from '../test/support/load/run-load.js';

const MODEL_LATENCY_MS = 300;
/** the offline path's p99 target, ms */
const OFFLINE_P99_MS = 100;
/** a paced trainee's average pause before each reply, ms */
const THINK_MS = 2_000;
/**
 * Node's defaults let V8 keep up to 16 MB per young-generation semi-space and glibc a malloc arena
 * per thread: memory the bot reserves in bursts and keeps. These two cap that.
 */
const TUNED_MEMORY = { NODE_OPTIONS: '--max-semi-space-size=2', MALLOC_ARENA_MAX: '2' };
const WARMUP_TURNS = 10;
const MB = 1024 * 1024;

if (process.argv[2] === '--serve-fake-openai') {
  // Its own process, as a model server would be: its HTTP and JSON work is billed to neither side.
  const fake = await startFakeOpenAi({ voiceLine: () => 'Fine. And when exactly do I get my money back?' });
  fake.setDefault({ kind: 'slow', delayMs: MODEL_LATENCY_MS });
  process.send?.(fake.baseURL);
  process.on('message', () => void fake.close().then(() => process.exit(0)));
} else {
  const trainees = Number(process.argv[2] ?? 100);
  const turns = Number(process.argv[3] ?? 20);
  const sessions = Number(process.argv[4] ?? 1000);
  await main(trainees, turns, sessions);
}

interface Row {
  name: string;
  result: LoadResult | undefined;
  /** p99 target in ms */
  target: number;
  note?: string;
}

async function main(trainees: number, turns: number, sessions: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpart-load-'));
  const llm = await startFakeOpenAiProcess();
  const redis = await startRedisServer();
  let file = 0;
  const sqlite = () => `sqlite://${join(dir, `store-${++file}.sqlite`)}`;
  const rows: Row[] = [];
  const run = async (name: string, target: number, options: Omit<LoadOptions, 'warmupTurns'>) => {
    process.stdout.write(`running ${name} …\n`);
    rows.push({ name, target, result: await runLoad({ warmupTurns: WARMUP_TURNS, ...options }) });
  };
  try {
    for (const thinkMs of [0, THINK_MS]) {
      const base = { trainees, turns, thinkMs };
      const paced = thinkMs > 0 ? ' · paced' : '';
      await run(`offline · SQLite${paced}`, OFFLINE_P99_MS, { ...base, storeUrl: sqlite() });
      await run(`LLM · SQLite${paced}`, MODEL_LATENCY_MS + 50, { ...base, storeUrl: sqlite(), llmBaseUrl: llm.baseURL });
      if (redis) {
        // One server for every Redis row; sessions are found by thread id, which never repeats.
        await run(`offline · Redis${paced}`, OFFLINE_P99_MS, { ...base, storeUrl: redis.url });
        await run(`LLM · Redis${paced}`, MODEL_LATENCY_MS + 50, { ...base, storeUrl: redis.url, llmBaseUrl: llm.baseURL });
      } else {
        const note = 'skipped: redis-server is not installed (Debian: apt-get install redis-server)';
        rows.push({ name: `offline · Redis${paced}`, target: OFFLINE_P99_MS, result: undefined, note });
        rows.push({ name: `LLM · Redis${paced}`, target: MODEL_LATENCY_MS + 50, result: undefined, note });
      }
    }
    // Memory, not speed: one exchange each, spread so that about 50 a second arrive. Once as the
    // bot starts by default, once with a small young generation and few malloc arenas.
    const memoryRun = (env: Record<string, string>) =>
      runLoad({ trainees: sessions, turns: 1, thinkMs: sessions * 20, storeUrl: sqlite(), warmupTurns: WARMUP_TURNS, startConcurrency: 25, env });
    process.stdout.write(`running ${sessions} open sessions …\n`);
    const memory = [
      { label: 'default Node settings', result: await memoryRun({}) },
      {
        label: Object.entries(TUNED_MEMORY)
          .map(([key, value]) => `${key}=${value}`)
          .join(' '),
        result: await memoryRun(TUNED_MEMORY),
      },
    ];
    print(rows, memory, { trainees, turns, sessions });
  } finally {
    await redis?.stop();
    await llm.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function print(rows: Row[], memory: Array<{ label: string; result: LoadResult }>, size: { trainees: number; turns: number; sessions: number }): void {
  const ms = (value: number) => value.toFixed(1).padStart(7);
  const lost = (result: LoadResult) => (result.problems.length === 0 ? 'none' : `${result.problems.length} problems`);
  const out: string[] = [];
  out.push('');
  out.push(`${size.trainees} trainees × ${size.turns} turns at once, after ${WARMUP_TURNS} warm-up exchanges. Rows without "paced": each trainee replies the`);
  out.push(`moment the feedback arrives. "paced": each first thinks ${THINK_MS / 1000} s on average (0.5–1.5×), still far faster than people type.`);
  out.push('latency: trainee message sent → feedback embed received by the fake Discord, in ms. CPU: the bot process, per exchange.');
  out.push('');
  out.push(
    `${'scenario'.padEnd(25)} ${'exch/s'.padStart(6)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}  ${'p99 target'.padEnd(13)} ${'loop p99'.padStart(8)} ${'loop max'.padStart(8)} ${'CPU/exch'.padStart(8)} ${'peak RSS'.padStart(8)} ${'REST/ex'.padStart(7)}  lost`,
  );
  for (const row of rows) {
    const r = row.result;
    if (!r) {
      out.push(`${row.name.padEnd(25)} ${row.note ?? ''}`);
      continue;
    }
    const verdict = r.latency.p99 < row.target ? 'ok' : 'MISSED';
    out.push(
      `${row.name.padEnd(25)} ${r.exchangesPerSecond.toFixed(0).padStart(6)} ${ms(r.latency.p50)} ${ms(r.latency.p95)} ${ms(r.latency.p99)} ${ms(r.latency.max)}  ${`< ${row.target} ${verdict}`.padEnd(13)} ${ms(r.botLoop.p99).padStart(8)} ${ms(r.botLoop.max).padStart(8)} ${`${r.botCpuPerExchangeMs.toFixed(1)} ms`.padStart(8)} ${`${(r.memory.peakRssBytes / MB).toFixed(0)} MB`.padStart(8)} ${r.restPerExchange.toFixed(2).padStart(7)}  ${lost(r)}`,
    );
    for (const problem of r.problems.slice(0, 5)) out.push(`    ${problem}`);
  }
  const loops = rows.flatMap((row) =>
    row.result ? [`${row.name} ${row.result.botLoop.p99.toFixed(1)} ms${row.result.botLoop.p99 < 20 ? '' : ' MISSED'}`] : [],
  );
  out.push(`event-loop delay of the bot, p99 target < 20 ms: ${loops.join('; ')}`);
  out.push("Without think time the trainees queue: by Little's law latency ≈ trainees / throughput, so a p99 under 100 ms for 100 trainees would need");
  out.push('over 1,000 exchanges/s; those rows measure capacity (exch/s, CPU per exchange), the paced rows the latency a trainee sees under load.');
  const graded = rows.flatMap((row) => (row.result && row.name.startsWith('LLM') ? [`${row.name}: ${JSON.stringify(row.result.gradedBy)}`] : []));
  if (graded.length > 0) out.push(`graded by (LLM rows): ${graded.join('; ')}`);
  out.push('');

  for (const { label, result } of memory) {
    const m = result.memory;
    const rssVerdict = m.peakRssBytes <= 200 * MB ? 'ok' : 'MISSED';
    out.push(
      `${size.sessions} open sessions, ${label} (offline, SQLite, one exchange each, about 50 a second; ${result.problems.length === 0 ? 'nothing lost' : `${result.problems.length} problems`}):`,
    );
    out.push(
      `  bot RSS ${(m.rssBeforeBytes / MB).toFixed(0)} MB before the first session → ${(m.rssAfterBytes / MB).toFixed(0)} MB with all open, ` +
        `peak ${(m.peakRssBytes / MB).toFixed(0)} MB; target ≤ 200 MB: ${rssVerdict}. V8 heap reserved ${(m.heapTotalAfterBytes / MB).toFixed(0)} MB`,
    );
    out.push(
      `  bot heap used ${(m.heapBeforeBytes / MB).toFixed(1)} MB → ${(m.heapAfterBytes / MB).toFixed(1)} MB: ` +
        `${(m.perSessionBytes / 1024).toFixed(1)} KB per open session (${m.collected ? 'after a forced full GC (--expose-gc)' : 'WITHOUT a forced GC: garbage included'})`,
    );
    out.push(
      `  exchanges p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms, CPU ${result.botCpuPerExchangeMs.toFixed(1)} ms each, loop p99 ${result.botLoop.p99.toFixed(1)} ms`,
    );
    for (const problem of result.problems.slice(0, 5)) out.push(`    ${problem}`);
  }
  out.push('');

  const settings = rows.find((row) => row.name.startsWith('LLM') && row.result)?.result?.settings ?? rows[0]?.result?.settings ?? {};
  out.push('what the figures include and how the bot was configured:');
  out.push('  RSS, heap, CPU and event-loop delay: the bot process alone (started as in production, through tsx, whose loader thread');
  out.push('  is part of the RSS); the fake Discord and the driver run in the bench process, the fake OpenAI in a third one');
  out.push(
    `  DISCORD_REST_GLOBAL_RPS=${settings['DISCORD_REST_GLOBAL_RPS'] ?? '?'}: RAISED against the fake; Discord allows 50 unless it raised your bot's limit,`,
  );
  const perExchange = rows[0]?.result?.restPerExchange ?? 2;
  out.push(`  so on Discord one bot tops out near 50 / ${perExchange.toFixed(1)} ≈ ${(50 / perExchange).toFixed(0)} exchanges/s however fast it grades`);
  out.push(
    `  LLM rows: fake OpenAI answering every call after ${MODEL_LATENCY_MS} ms, any number at once; LLM_MAX_CONCURRENCY=${settings['LLM_MAX_CONCURRENCY'] ?? '?'} ` +
      '(judge and voice of every trainee in flight together); token caps checked on every call as in production, but set far above what ' +
      `a run spends (LLM_SESSION_TOKEN_CAP=${settings['LLM_SESSION_TOKEN_CAP'] ?? '?'}, LLM_GUILD_DAILY_TOKEN_CAP=${settings['LLM_GUILD_DAILY_TOKEN_CAP'] ?? '?'})`,
  );
  const limits = Object.entries(settings).filter(([key]) => key.includes('RATE_LIMIT'));
  out.push(
    `  per-member rate limits OFF: ${limits.map(([key, value]) => `${key}=${value}`).join(', ')} (every trainee here replies faster than a person types)`,
  );
  out.push(
    `  machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')} (shared: latency is noisy, CPU per exchange much less so)`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

async function startFakeOpenAiProcess(): Promise<{ baseURL: string; close(): Promise<void> }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve-fake-openai'], { execArgv: ['--import', 'tsx'] });
  const baseURL = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => {
      resolve(typeof message === 'string' ? message : JSON.stringify(message));
    });
    child.once('exit', (code) => {
      reject(new Error(`the fake OpenAI process exited (${code})`));
    });
  });
  return {
    baseURL,
    async close() {
      const exited = new Promise<void>((resolve) =>
        child.once('exit', () => {
          resolve();
        }),
      );
      child.send('close');
      await exited;
    },
  };
}
