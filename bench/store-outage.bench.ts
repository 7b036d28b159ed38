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
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { z } from 'zod';
import { openStorage } from '../src/storage/open-storage.js';
import { redisServer } from '../test/support/redis-server.js';

const rounds = Number(process.argv[2] ?? 5);

const dir = await mkdtemp(join(tmpdir(), 'counterpart-bench-redis-'));
const redis = await redisServer({ dir });

async function timed(call: () => Promise<unknown>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const ok = await call().then(
    () => true,
    () => false,
  );
  return { ms: performance.now() - started, ok };
}

await redis.start();
const storage = await openStorage({ url: redis.url, log: pino({ level: 'silent' }) });
const records = storage.collection('bench', z.string());
await records.set('probe', 'value');

const refused: number[] = [];
const recovered: number[] = [];
const unanswered: number[] = [];
for (let round = 0; round < rounds; round++) {
  await redis.kill();
  const failed = await timed(() => records.get('probe'));
  if (failed.ok) throw new Error('a read succeeded with Redis down');
  refused.push(failed.ms);
  await sleep(2000);
  await redis.start();
  const back = performance.now();
  while (!(await timed(() => records.set('probe', 'value'))).ok) await sleep(5);
  recovered.push(performance.now() - back);

  spawnSync('redis-cli', ['-p', String(redis.port), 'client', 'pause', '5000', 'ALL']);
  const paused = await timed(() => records.get('probe'));
  if (paused.ok) throw new Error('a read succeeded while Redis was paused');
  unanswered.push(paused.ms);
  spawnSync('redis-cli', ['-p', String(redis.port), 'client', 'unpause']);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const max = (values: number[]) => Math.max(...values);
console.log(`store outage over ${rounds} rounds (median / max):`);
console.log(`  refused (Redis killed):       ${median(refused).toFixed(1)} / ${max(refused).toFixed(1)} ms until the call fails`);
console.log(`  recovered (Redis restarted):  ${median(recovered).toFixed(0)} / ${max(recovered).toFixed(0)} ms until a call succeeds`);
console.log(`  unanswered (Redis paused):    ${median(unanswered).toFixed(0)} / ${max(unanswered).toFixed(0)} ms until the call fails`);

await storage.close();
await redis.kill();
await rm(dir, { recursive: true, force: true });
