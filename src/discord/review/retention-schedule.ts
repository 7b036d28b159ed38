import { purgeExpired } from '../../privacy/index.js';
import type { BotContext } from '../bot-context.js';
import { getGuildConfig } from '../permissions.js';

/** How often expired sessions are looked for after the start-up run. */
const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface RetentionRun {
  guilds: number;
  purged: number;
}

export interface RetentionSchedule {
  /** the latest run (the start-up one until the timer fires) */
  readonly lastRun: Promise<RetentionRun>;
  /** runs a purge now, or returns the one already running */
  runNow(): Promise<RetentionRun>;
  stop(): void;
}

/**
 * Deletes expired sessions in every server that set `/config retention-days`: once at start-up,
 * then every `intervalMs`. The timer is unref'd so it never keeps the process alive. Each purge is
 * logged with the server and counts only. A failing server is logged and the others go on.
 */
export function scheduleRetention(options: {
  context: BotContext;
  guildIds: () => Iterable<string>;
  intervalMs?: number;
  now?: () => Date;
}): RetentionSchedule {
  const { context } = options;
  const now = options.now ?? (() => new Date());
  let running: Promise<RetentionRun> | undefined;

  const purgeAll = async (): Promise<RetentionRun> => {
    let guilds = 0;
    let purged = 0;
    for (const guildId of [...options.guildIds()]) {
      try {
        const config = await getGuildConfig(context, guildId);
        if (config.retentionDays === null) continue;
        const result = await purgeExpired(context.storage, guildId, config.retentionDays, now());
        guilds += 1;
        purged += result.purged.length;
        if (result.purged.length > 0) {
          context.log.info(
            { guildId, retentionDays: result.retentionDays, cutoff: result.cutoff, sessions: result.purged.length, usageRecords: result.usageRecords },
            'expired sessions purged',
          );
        }
      } catch (error) {
        context.log.warn({ err: error, guildId }, 'retention purge failed');
      }
    }
    return { guilds, purged };
  };

  const runNow = () => {
    running ??= purgeAll().finally(() => {
      running = undefined;
    });
    return running;
  };

  let lastRun = runNow();
  const timer = setInterval(() => {
    lastRun = runNow();
  }, options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();

  return {
    get lastRun() {
      return lastRun;
    },
    runNow() {
      lastRun = runNow();
      return lastRun;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
