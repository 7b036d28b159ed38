/**
 * `npm run bench`: runs every benchmark in its own process (so one's heap and JIT state don't skew
 * another's figures) and prints their reports. The list is explicit: a benchmark that fails to load
 * fails the run instead of being skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = [
  'offline-grader.bench.ts',
  'persona-variety.bench.ts',
  'llm-exchange.bench.ts',
  'discord-roundtrip.bench.ts',
  'load.bench.ts',
  'store-outage.bench.ts',
  'discord-review.bench.ts',
  'reports.bench.ts',
];

let failed = 0;
for (const name of BENCHMARKS) {
  const file = fileURLToPath(new URL(name, import.meta.url));
  if (!existsSync(file)) {
    process.stderr.write(`missing benchmark ${name}\n`);
    failed++;
    continue;
  }
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
