/**
 * The bot as production starts it (configuration from the environment, `startBot` building its own
 * app), plus a probe that reports memory and event-loop delay to the load driver over IPC. Started
 * by `run-load.ts` with `fork()`; not meant to be run by hand.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../../src/config/config.js';
import { startBot } from '../../../src/discord/start-bot.js';
import { createLogger } from '../../../src/log/logger.js';
import type { ProbeMessage, ProbeRequest } from './probe-protocol.js';

const send = (message: ProbeMessage) => process.send?.(message);
const NS_PER_MS = 1e6;

const config = loadConfig(process.env);
const log = createLogger({ level: config.LOG_LEVEL, format: 'json' });
// 5 ms sampling: fine enough for a 20 ms target, cheap enough not to be the load itself.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

try {
  const bot = await startBot({ config, log });
  process.on('message', (raw: ProbeRequest) => {
    switch (raw.type) {
      case 'reset-loop':
        loop.reset();
        return;
      case 'stats': {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (raw.gc && gc) gc();
        const memory = process.memoryUsage();
        const cpu = process.cpuUsage();
        send({
          type: 'stats',
          rssBytes: memory.rss,
          peakRssBytes: process.resourceUsage().maxRSS * 1024,
          heapUsedBytes: memory.heapUsed,
          heapTotalBytes: memory.heapTotal,
          externalBytes: memory.external,
          cpuMs: (cpu.user + cpu.system) / 1000,
          collected: raw.gc && gc !== undefined,
          loop: { p50: loop.percentile(50) / NS_PER_MS, p99: loop.percentile(99) / NS_PER_MS, max: loop.max / NS_PER_MS },
        });
        return;
      }
      case 'stop':
        void bot.stop().then(() => {
          send({ type: 'stopped' });
          loop.disable();
          process.disconnect();
        });
        return;
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.disconnect();
  process.exitCode = 1;
}
