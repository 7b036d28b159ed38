/**
 * Exchange overhead of the LLM providers beyond model latency: the practice engine with the LLM
 * judge and voice against the loopback fake OpenAI server, which answers every call after 300 ms.
 * The judge runs concurrently with steering + voice, so an exchange should take about one model
 * latency; what the LLM layer adds (HTTP, prompt building, guards, JSON parsing and validation,
 * the ledger) should stay under 5 % of it. A baseline engine whose grader and voice just sleep
 * 300 ms runs interleaved with it, so a busy machine's noise hits both alike. Also prints tokens
 * per exchange. The fake runs in a child process, as a real model server would,
 * so its own JSON and HTTP work is not billed to the layer under test.
 *
 *   npx tsx bench/llm-exchange.bench.ts [exchanges=30]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createPracticeEngine } from '../src/engine/practice-engine.js';
import type { PracticeEngine } from '../src/engine/engine-types.js';
import { createScriptedVoice } from '../src/engine/scripted-voice.js';
import { createOfflineGrader } from '../src/evaluation/offline-grader.js';
import { createPersonaCatalog } from '../src/personas/create-persona-catalog.js';
import { createLlmProviders } from '../src/llm/create-llm-providers.js';
import { startFakeOpenAi } from '../test/support/fake-openai/fake-openai-server.js';
import { captureLogger, memoryStorage, scriptedVoice, testConfig, testPersona } from '../test/support/fake-openai/llm-test-kit.js';

const MODEL_LATENCY_MS = 300;

if (process.argv[2] === '--serve-fake') {
  const lines = ['Two days without money!', 'And what now?', 'You people never listen.', 'Fine. Go on.'];
  let said = 0;
  const fake = await startFakeOpenAi({ voiceLine: () => `${lines[said++ % lines.length]} (${said})` });
  fake.setDefault({ kind: 'slow', delayMs: MODEL_LATENCY_MS });
  process.send?.(fake.baseURL);
  process.on('message', () => void fake.close().then(() => process.exit(0)));
} else {
  const exchanges = Number(process.argv[2] ?? 30);
  const replies = [
    'I am sorry your card was blocked while you were away. Let me check it right now.',
    'Das tut mir leid. Ich schaue sofort nach, was mit Ihrer Karte ist.',
    'I understand this is stressful. What happened when you tried to pay?',
    'Please calm down, that is our policy.',
  ];

  const offline = createOfflineGrader();
  const personas = createPersonaCatalog([testPersona]);
  const logs = captureLogger('info');
  const advise = () => '';

  const server = fork(fileURLToPath(import.meta.url), ['--serve-fake'], { execArgv: ['--import', 'tsx'] });
  const baseURL = await new Promise<string>((resolve) =>
    server.once('message', (message) => {
      resolve(typeof message === 'string' ? message : JSON.stringify(message));
    }),
  );
  const storage = memoryStorage(logs.log);
  const providers = createLlmProviders({
    config: testConfig(baseURL, { LLM_TIMEOUT_MS: '10000', LLM_MAX_CONCURRENCY: '8', LLM_SESSION_TOKEN_CAP: '0', LLM_GUILD_DAILY_TOKEN_CAP: '0' }),
    log: logs.log,
    offlineGrader: offline,
    scriptedVoice: scriptedVoice(),
    storage,
  });
  if (!providers) throw new Error('LLM providers not configured');
  const llm = createPracticeEngine({
    personas,
    grader: providers.grader,
    steering: providers.steering,
    voice: providers.voice,
    store: storage.sessions,
    log: logs.log,
    advise,
  });

  // the same engine and offline grader, with "models" that only wait
  const scripted = createScriptedVoice();
  const baselineStorage = memoryStorage(logs.log);
  const baseline = createPracticeEngine({
    personas,
    grader: { id: 'sleeping-judge', grade: async (input) => ({ ...(await offline.grade(input)), ...(await sleep(MODEL_LATENCY_MS)) }) },
    steering: offline,
    voice: { id: 'sleeping-voice', nextLine: async (request) => (await sleep(MODEL_LATENCY_MS), scripted.nextLine(request)) },
    store: baselineStorage.sessions,
    log: logs.log,
    advise,
  });

  async function exchange(engine: PracticeEngine, i: number) {
    const { session } = await engine.start({ userId: `u${i}`, guildId: 'bench', personaId: testPersona.id, lang: i % 2 ? 'de' : 'en', intensity: 'standard' });
    const started = performance.now();
    const result = await engine.reply(session.id, replies[i % replies.length]!);
    return { ms: performance.now() - started, result };
  }

  // warm-up: module loading, lexicons and JIT do not count
  for (let i = 0; i < 3; i++) {
    await exchange(llm, i);
    await exchange(baseline, i);
  }

  const llmTimes: number[] = [];
  const baseTimes: number[] = [];
  const tokens: Array<{ prompt: number; completion: number }> = [];
  const graders = new Map<string, number>();
  for (let i = 0; i < exchanges; i++) {
    const measured = await exchange(llm, i);
    llmTimes.push(measured.ms);
    const usage = measured.result.exchange.usage;
    tokens.push({ prompt: usage?.promptTokens ?? 0, completion: usage?.completionTokens ?? 0 });
    const grader = measured.result.exchange.grade.source.grader;
    graders.set(grader, (graders.get(grader) ?? 0) + 1);
    baseTimes.push((await exchange(baseline, i)).ms);
  }
  server.send('close');
  await new Promise((resolve) => server.once('exit', resolve));
  await storage.close();
  await baselineStorage.close();

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)] ?? Number.NaN;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const pct = (ms: number) => `${((ms / MODEL_LATENCY_MS) * 100).toFixed(2)} %`;

  const llmMedian = median(llmTimes);
  const baseMedian = median(baseTimes);
  const layer = median(llmTimes.map((ms, i) => ms - (baseTimes[i] ?? ms)));
  process.stdout.write(
    [
      `exchanges: ${exchanges} (engine + LLM judge + LLM voice, offline grader steering; fake model latency ${MODEL_LATENCY_MS} ms per call)`,
      `exchange with LLM providers: median ${llmMedian.toFixed(1)} ms, p90 ${p90(llmTimes).toFixed(1)} ms (two calls in a row would be ≥ ${2 * MODEL_LATENCY_MS} ms)`,
      `baseline engine, sleeping grader and voice: median ${baseMedian.toFixed(1)} ms, p90 ${p90(baseTimes).toFixed(1)} ms`,
      `overhead of the LLM layer (HTTP, prompts, guards, validation, ledger): median ${layer.toFixed(1)} ms = ${pct(layer)} of model latency (target < 5 %: ${layer / MODEL_LATENCY_MS < 0.05 ? 'met' : 'NOT met'})`,
      `whole exchange beyond model latency (engine and store included): median ${(llmMedian - MODEL_LATENCY_MS).toFixed(1)} ms = ${pct(llmMedian - MODEL_LATENCY_MS)}`,
      `tokens per exchange (judge + voice): prompt ${mean(tokens.map((t) => t.prompt)).toFixed(0)}, completion ${mean(tokens.map((t) => t.completion)).toFixed(0)}, total ${mean(tokens.map((t) => t.prompt + t.completion)).toFixed(0)} (the fake counts 4 characters per token)`,
      `grades by: ${[...graders].map(([grader, count]) => `${grader} ×${count}`).join(', ')}`,
      `machine: ${availableParallelism()} CPUs, load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')} (a busy machine inflates every figure)`,
    ].join('\n') + '\n',
  );
}
