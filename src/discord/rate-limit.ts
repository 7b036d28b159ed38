import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/config.js';
import { PRACTICE_PREFIX, PRACTICE_START_PREFIX } from './components.js';
import { JOIN_PREFIX, NEXT_PREFIX } from './group/render-card.js';
import { REVIEW_IDS } from './review/review-ids.js';

/**
 * Per-member rate limits, so one member cannot spend a server's model budget (or make the bot
 * spam a channel) by flooding. Counted per server and member, in two buckets:
 *
 * - `reply`: trainee messages in their own practice thread (solo and group) and the Hint and
 *   Retry buttons — everything the bot answers with a graded exchange or a post in the thread;
 * - `command`: the expensive commands and buttons (see `limitedCommand` / `limitedComponent`).
 *
 * Each bucket lets `burst` actions through at once, then one every `60 / perMinute` seconds; the
 * burst allowance comes back a minute after it was used. A person typing replies by hand never
 * gets near that. `perMinute` 0 switches a bucket off (load benchmarks).
 *
 * The counters live in this process (`RateLimiterMemory`); the bot is one process. Several bot
 * processes behind one Discord application would use rate-limiter-flexible's `RateLimiterRedis`
 * with the same options, so that they share the counters.
 */

export const RATE_LIMITED_ACTIONS = ['reply', 'command'] as const;
export type RateLimitedAction = (typeof RATE_LIMITED_ACTIONS)[number];

interface BucketSettings {
  /** the steady pace; 0: no limit */
  perMinute: number;
  /** how many actions may come at once */
  burst: number;
}

type RateLimitSettings = Record<RateLimitedAction, BucketSettings>;

export type RateDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** when the member may try again */
      retryAfterMs: number;
      /**
       * true for the first refusal of a refusal window: say so then, and stay silent for the rest,
       * so a flood cannot turn the refusals themselves into bot spam
       */
      notify: boolean;
    };

/** The limiter the routers ask before they hand an action to its handler. */
export interface MemberRateLimits {
  /** false when the bucket is switched off: callers may then skip the work of finding out what an action costs */
  isLimited(action: RateLimitedAction): boolean;
  take(action: RateLimitedAction, guildId: string, userId: string): Promise<RateDecision>;
}

export function rateLimitSettings(
  config: Pick<AppConfig, 'RATE_LIMIT_REPLIES_PER_MINUTE' | 'RATE_LIMIT_COMMANDS_PER_MINUTE' | 'RATE_LIMIT_BURST' | 'RATE_LIMIT_COMMANDS_BURST'>,
): RateLimitSettings {
  return {
    reply: { perMinute: config.RATE_LIMIT_REPLIES_PER_MINUTE, burst: config.RATE_LIMIT_BURST },
    command: { perMinute: config.RATE_LIMIT_COMMANDS_PER_MINUTE, burst: config.RATE_LIMIT_COMMANDS_BURST },
  };
}

interface Consumer {
  consume(key: string): Promise<RateLimiterRes>;
}

/** The burst allowance refills this long after it was first used. */
const BURST_WINDOW_SECONDS = 60;
/** Past this many remembered refusal notices, expired ones are dropped. */
const NOTICE_PRUNE_AT = 5_000;

export function createMemberRateLimits(settings: RateLimitSettings, now: () => number = Date.now): MemberRateLimits {
  const buckets = new Map<RateLimitedAction, Consumer>();
  for (const action of RATE_LIMITED_ACTIONS) {
    const bucket = createBucket(action, settings[action]);
    if (bucket) buckets.set(action, bucket);
  }
  // key → until when the member has been told; refusals before then pass silently
  const noticed = new Map<string, number>();

  return {
    isLimited: (action) => buckets.has(action),
    async take(action, guildId, userId) {
      const bucket = buckets.get(action);
      if (!bucket) return { allowed: true };
      const key = `${guildId}:${userId}`;
      try {
        await bucket.consume(key);
        return { allowed: true };
      } catch (rejection) {
        // Only a refusal is a RateLimiterRes; anything else is a bug in here and must surface.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterMs = Math.max(1, Math.ceil(rejection.msBeforeNext));
        const at = now();
        const noticeKey = `${action}:${key}`;
        const notify = (noticed.get(noticeKey) ?? 0) <= at;
        if (notify) {
          if (noticed.size >= NOTICE_PRUNE_AT) prune(noticed, at);
          noticed.set(noticeKey, at + retryAfterMs);
        }
        return { allowed: false, retryAfterMs, notify };
      }
    },
  };
}

function createBucket(action: RateLimitedAction, { perMinute, burst }: BucketSettings): Consumer | undefined {
  if (perMinute <= 0) return undefined;
  // One point per interval is the steady pace; the burst limiter holds the rest of the burst.
  const steady = new RateLimiterMemory({ keyPrefix: `${action}-steady`, points: 1, duration: 60 / perMinute });
  if (burst <= 1) return steady;
  const extra = new RateLimiterMemory({ keyPrefix: `${action}-burst`, points: burst - 1, duration: BURST_WINDOW_SECONDS });
  return new BurstyRateLimiter(steady, extra);
}

function prune(noticed: Map<string, number>, at: number): void {
  for (const [key, until] of noticed) if (until <= at) noticed.delete(key);
}

/** Whole seconds to tell a member, never 0. */
export function retrySeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

/**
 * The slash commands that cost a `command` point, by `name` or `name subcommand`: they start
 * model calls (a practice's first line, a group) or read and render much of the store.
 */
const LIMITED_COMMANDS: ReadonlySet<string> = new Set([
  'practice start',
  'session start',
  'session scenario',
  'session relay',
  'progress',
  'transcripts',
  'team-report',
  'calibration',
]);

export function limitedCommand(name: string, subcommand: string | null): RateLimitedAction | undefined {
  if (LIMITED_COMMANDS.has(name)) return 'command';
  return subcommand && LIMITED_COMMANDS.has(`${name} ${subcommand}`) ? 'command' : undefined;
}

/**
 * Buttons and selects that cost a point, by custom-id prefix and first argument. Hint and Retry
 * count as replies (they belong to the practice flow); starting a practice, joining or advancing a
 * group, and the exports count as commands. Paging, opening a transcript, End and Cancel are free.
 */
export function limitedComponent(prefix: string, action: string | undefined): RateLimitedAction | undefined {
  switch (prefix) {
    case PRACTICE_PREFIX:
      return action === 'hint' || action === 'retry' ? 'reply' : undefined;
    case PRACTICE_START_PREFIX:
      return action === 'go' ? 'command' : undefined;
    case JOIN_PREFIX:
    case NEXT_PREFIX:
    case REVIEW_IDS.export:
    case REVIEW_IDS.groupExport:
    case REVIEW_IDS.report:
      return 'command';
    default:
      return undefined;
  }
}
