import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRedisServer, startRedisServer } from '../support/redis-server.js';
import { runLoad } from '../support/load/run-load.js';

/**
 * The short form of `bench/load.bench.ts`: the real bot in its own process, trainees replying at
 * once in parallel threads. It asserts only that nothing is lost or answered twice; the timing
 * figures come from `npm run bench`.
 */

const TRAINEES = 20;
const TURNS = 5;
const TIMEOUT_MS = 90_000;

async function expectNothingLost(storeUrl: string): Promise<void> {
  const result = await runLoad({ storeUrl, trainees: TRAINEES, turns: TURNS });
  expect(result.problems).toEqual([]);
  expect(result.exchanges).toBe(TRAINEES * TURNS);
  expect(result.gradedBy).toEqual({ offline: TRAINEES * TURNS });
}

describe('load: trainees practising at once through the fake Discord', () => {
  it(
    `answers each of ${TRAINEES} × ${TURNS} replies exactly once and stores every exchange (SQLite)`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'counterpart-load-'));
      try {
        await expectNothingLost(`sqlite://${join(dir, 'store.sqlite')}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT_MS,
  );

  // A redis-server of its own (nothing else writes there or stops it mid-run), else the one CI names
  // in TEST_REDIS_URL; skipped only when there is neither.
  const sharedRedis = process.env['TEST_REDIS_URL'];
  it.skipIf(!hasRedisServer() && !sharedRedis)(
    `answers each of ${TRAINEES} × ${TURNS} replies exactly once and stores every exchange (Redis)`,
    async () => {
      const own = await startRedisServer();
      try {
        await expectNothingLost(own?.url ?? sharedRedis ?? '');
      } finally {
        await own?.stop();
      }
    },
    TIMEOUT_MS,
  );
});
