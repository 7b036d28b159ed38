import { z } from 'zod';
import type { CallOptions } from '../engine/call-options.js';
import type { TokenUsage } from '../engine/session.js';
import type { Logger } from '../log/logger.js';
import { KeyedMutex } from '../storage/keyed-mutex.js';
import type { Storage } from '../storage/storage.js';

/** Why an LLM call was answered by the offline grader or the scripted voice instead. */
export const FallbackReasonSchema = z.enum([
  'cap_session',
  'cap_guild',
  'timeout',
  'rate_limited',
  'server_error',
  'connection',
  'content_filter',
  'refusal',
  'client_error',
  'empty',
  'invalid_answer',
  'guard',
]);
export type FallbackReason = z.infer<typeof FallbackReasonSchema>;

export const UsageTotalsSchema = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  /** model calls that returned usage (successful or not) */
  calls: z.number().int().min(0),
  /** answers produced offline, by reason (a cap, a failure kind, a guard replacing the model's words) */
  fallbacks: z.partialRecord(FallbackReasonSchema, z.number().int().min(0)),
  updatedAt: z.string(),
});
export type UsageTotals = z.infer<typeof UsageTotalsSchema>;

export type UsageScope = NonNullable<CallOptions['session']>;
export type CapScope = 'session' | 'guild';

export const USAGE_COLLECTION = 'llm-usage';

/**
 * Token accounting for the LLM providers, kept in the `llm-usage` storage collection: totals per
 * practice session and per server (guild, or `terminal`) per UTC day. Trainer reports read it
 * through {@link UsageLedger.sessionTotals} and {@link UsageLedger.guildDayTotals}.
 *
 * Writes never fail an exchange: a storage error is logged and the call goes on. Callers need not
 * await a write: reads of the same key in this process queue behind it. A cap check that
 * cannot read the store lets the call through (caps bound cost; they are not a security boundary).
 */
export interface UsageLedger {
  record(scope: UsageScope, usage: TokenUsage, at?: Date): Promise<void>;
  recordFallback(scope: UsageScope, reason: FallbackReason, at?: Date): Promise<void>;
  /** the cap that stops model calls for this session now, or null */
  capReached(scope: UsageScope, at?: Date): Promise<CapScope | null>;
  sessionTotals(sessionId: string): Promise<UsageTotals>;
  /** `day` is `YYYY-MM-DD` in UTC; `guildId` null is the terminal */
  guildDayTotals(guildId: string | null, day: string): Promise<UsageTotals>;
}

export interface UsageCaps {
  /** tokens per session; 0: none */
  sessionTokens: number;
  /** tokens per guild per UTC day; 0: none */
  guildDailyTokens: number;
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function totalTokens(totals: Pick<UsageTotals, 'promptTokens' | 'completionTokens'>): number {
  return totals.promptTokens + totals.completionTokens;
}

const sessionKey = (sessionId: string) => `session:${sessionId}`;
const guildKey = (guildId: string | null, day: string) => `guild:${guildId ?? 'terminal'}:${day}`;

function emptyTotals(at: Date): UsageTotals {
  return { promptTokens: 0, completionTokens: 0, calls: 0, fallbacks: {}, updatedAt: at.toISOString() };
}

export function createUsageLedger(deps: { storage: Storage; caps: UsageCaps; log: Logger }): UsageLedger {
  const collection = deps.storage.collection(USAGE_COLLECTION, UsageTotalsSchema);
  const mutex = new KeyedMutex();

  async function read(key: string): Promise<UsageTotals> {
    return (await collection.get(key)) ?? emptyTotals(new Date(0));
  }

  /** queued behind this process's pending writes of the key, so callers need not await a write to see it */
  function readAfterWrites(key: string): Promise<UsageTotals> {
    return mutex.run(key, () => read(key));
  }

  async function update(keys: string[], at: Date, change: (totals: UsageTotals) => UsageTotals): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        mutex
          .run(key, async () => {
            const next = change(await read(key));
            await collection.set(key, { ...next, updatedAt: at.toISOString() });
          })
          .catch((error: unknown) => deps.log.warn({ err: error, key }, 'usage ledger write failed')),
      ),
    );
  }

  return {
    record(scope, usage, at = new Date()) {
      return update([sessionKey(scope.id), guildKey(scope.guildId, utcDay(at))], at, (totals) => ({
        ...totals,
        promptTokens: totals.promptTokens + usage.promptTokens,
        completionTokens: totals.completionTokens + usage.completionTokens,
        calls: totals.calls + 1,
      }));
    },

    recordFallback(scope, reason, at = new Date()) {
      return update([sessionKey(scope.id), guildKey(scope.guildId, utcDay(at))], at, (totals) => ({
        ...totals,
        fallbacks: { ...totals.fallbacks, [reason]: (totals.fallbacks[reason] ?? 0) + 1 },
      }));
    },

    async capReached(scope, at = new Date()) {
      try {
        if (deps.caps.sessionTokens > 0 && totalTokens(await readAfterWrites(sessionKey(scope.id))) >= deps.caps.sessionTokens) return 'session';
        if (deps.caps.guildDailyTokens > 0 && totalTokens(await readAfterWrites(guildKey(scope.guildId, utcDay(at)))) >= deps.caps.guildDailyTokens) {
          return 'guild';
        }
        return null;
      } catch (error) {
        deps.log.warn({ err: error, sessionId: scope.id }, 'usage ledger unreadable, cap not checked');
        return null;
      }
    },

    sessionTotals: (sessionId) => readAfterWrites(sessionKey(sessionId)),
    guildDayTotals: (guildId, day) => readAfterWrites(guildKey(guildId, day)),
  };
}
