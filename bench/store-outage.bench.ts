/**
 * How fast the Redis store notices an outage and recovers from it, against a real redis-server
 * this script starts on a free port (needs `redis-server` and `redis-cli` on the PATH):
 *
 * - refused: Redis killed; how long a store call takes to fail (what a trainee's message waits
 *   before "please send it again");
 * - recovered: Redis started again after a 2 s outage; how long until a store call succeeds;
 * - unanswered: Redis paused (`CLIENT PAUSE`); how long a store call takes to fail (the per-call bound).
 *
 *   npx tsx bench/store-outage.bench.ts [rounds=5]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { z } from 'zod';
import { openStorage } from '../src/storage/open-storage.js';
import { freePort } from '../test/support/free-port.js';

const rounds = Number(process.argv[2] ?? 5);


const port = await freePort();
const dir = await mkdtemp(join(tmpdir(), 'counterpart-bench-redis-'));
const ping = () => spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
let child: ChildProcess | null = null;
async function startRedis(): Promise<void> {
  child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  while (!ping()) await sleep(20);
}
async function killRedis(): Promise<void> {
  const running = child;
  if (!running) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
  child = null;
}

async function timed(call: () => Promise<unknown>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const ok = await call().then(
    () => true,
    () => false,
  );
  return { ms: performance.now() - started, ok };
}

await startRedis();
const storage = await openStorage({ url: `redis://127.0.0.1:${port}`, log: pino({ level: 'silent' }) });
const records = storage.collection('bench', z.string());
await records.set('probe', 'value');

const refused: number[] = [];
const recovered: number[] = [];
const unanswered: number[] = [];
for (let round = 0; round < rounds; round++) {
  await killRedis();
  const failed = await timed(() => records.get('probe'));
  if (failed.ok) throw new Error('a read succeeded with Redis down');
  refused.push(failed.ms);
  await sleep(2000);
  await startRedis();
  const back = performance.now();
  while (!(await timed(() => records.set('probe', 'value'))).ok) await sleep(5);
  recovered.push(performance.now() - back);

  spawnSync('redis-cli', ['-p', String(port), 'client', 'pause', '5000', 'ALL']);
  const paused = await timed(() => records.get('probe'));
  if (paused.ok) throw new Error('a read succeeded while Redis was paused');
  unanswered.push(paused.ms);
  spawnSync('redis-cli', ['-p', String(port), 'client', 'unpause']);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const max = (values: number[]) => Math.max(...values);
console.log(`store outage over ${rounds} rounds (median / max):`);
console.log(`  refused (Redis killed):       ${median(refused).toFixed(1)} / ${max(refused).toFixed(1)} ms until the call fails`);
console.log(`  recovered (Redis restarted):  ${median(recovered).toFixed(0)} / ${max(recovered).toFixed(0)} ms until a call succeeds`);
console.log(`  unanswered (Redis paused):    ${median(unanswered).toFixed(0)} / ${max(unanswered).toFixed(0)} ms until the call fails`);

await storage.close();
await killRedis();
await rm(dir, { recursive: true, force: true });
