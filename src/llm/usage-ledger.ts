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
  /**
   * of `promptTokens`, those the provider served from its prompt cache (only counted where the API
   * reports them); the cached share is this over `promptTokens`
   */
  cachedPromptTokens: z.number().int().min(0).default(0),
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
 * Running totals live in memory: a cap check answers from them without waiting for the store (it
 * reads a key once, the first time this process needs it), so no exchange queues behind the writes
 * of a busy server's key. Changes are written behind, one write per key at a time, each adding
 * what accumulated since the last one to what the store holds (another process's spending is kept).
 * Consequences, accepted because caps bound cost and are no security boundary: calls already in
 * flight when a cap is reached still spend, so a total may end slightly above its cap; and what was
 * not yet written when the process dies is lost (at most the calls of the last write's duration;
 * {@link UsageLedger.flush} at shutdown writes the rest).
 *
 * Writes never fail an exchange: a storage error is logged and the change is written with the next
 * one. A cap check that cannot read the store lets the call through.
 */
export interface UsageLedger {
  /** resolves once the change is written (or its write failed and was logged); callers need not wait */
  record(scope: UsageScope, usage: TokenUsage, at?: Date): Promise<void>;
  recordFallback(scope: UsageScope, reason: FallbackReason, at?: Date): Promise<void>;
  /** the cap that stops model calls for this session now, or null */
  capReached(scope: UsageScope, at?: Date): Promise<CapScope | null>;
  sessionTotals(sessionId: string): Promise<UsageTotals>;
  /** `day` is `YYYY-MM-DD` in UTC; `guildId` null is the terminal */
  guildDayTotals(guildId: string | null, day: string): Promise<UsageTotals>;
  /** writes every change not yet written (shutdown); never rejects */
  flush(): Promise<void>;
}

interface UsageCaps {
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
  return { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0, calls: 0, fallbacks: {}, updatedAt: at.toISOString() };
}

/** What changed since a key was last written; added to the stored totals when it is written. */
interface Change {
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens: number;
  calls: number;
  fallbacks: Partial<Record<FallbackReason, number>>;
  /** the latest change's time, as the written `updatedAt`; null: nothing changed */
  at: Date | null;
}

interface Entry {
  /** the totals as last read from or written to the store; null until this process needed them */
  stored: UsageTotals | null;
  /** being written now */
  writing: Change;
  /** not yet written */
  pending: Change;
  /** the write loop of this key, while one runs */
  flushing: Promise<void> | null;
}

/** How many keys stay in memory once fully written; the oldest such are dropped (and read again if needed). */
const MAX_CACHED_KEYS = 20_000;

const noChange = (): Change => ({ promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0, calls: 0, fallbacks: {}, at: null });

function merge(a: Change, b: Change): Change {
  const fallbacks = { ...a.fallbacks };
  for (const [reason, count] of Object.entries(b.fallbacks) as Array<[FallbackReason, number]>) fallbacks[reason] = (fallbacks[reason] ?? 0) + count;
  const at = a.at && b.at ? (a.at > b.at ? a.at : b.at) : (a.at ?? b.at);
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    cachedPromptTokens: a.cachedPromptTokens + b.cachedPromptTokens,
    calls: a.calls + b.calls,
    fallbacks,
    at,
  };
}

function apply(totals: UsageTotals, change: Change): UsageTotals {
  const merged = merge({ ...totals, at: null }, change);
  return {
    promptTokens: merged.promptTokens,
    completionTokens: merged.completionTokens,
    cachedPromptTokens: merged.cachedPromptTokens,
    calls: merged.calls,
    fallbacks: merged.fallbacks,
    updatedAt: change.at ? change.at.toISOString() : totals.updatedAt,
  };
}

export function createUsageLedger(deps: { storage: Storage; caps: UsageCaps; log: Logger }): UsageLedger {
  const collection = deps.storage.collection(USAGE_COLLECTION, UsageTotalsSchema);
  // Store reads and writes of one key run one at a time, so a read never overtakes a write.
  const mutex = new KeyedMutex();
  const entries = new Map<string, Entry>();

  function entry(key: string): Entry {
    let found = entries.get(key);
    if (!found) {
      if (entries.size >= MAX_CACHED_KEYS) evictWritten();
      found = { stored: null, writing: noChange(), pending: noChange(), flushing: null };
      entries.set(key, found);
    }
    return found;
  }

  /** Drops the oldest tenth of the keys that have nothing left to write. */
  function evictWritten(): void {
    let drop = Math.ceil(MAX_CACHED_KEYS / 10);
    for (const [key, candidate] of entries) {
      if (drop === 0) break;
      if (candidate.flushing || candidate.pending.at) continue;
      entries.delete(key);
      drop--;
    }
  }

  const current = (found: Entry, stored: UsageTotals): UsageTotals => apply(apply(stored, found.writing), found.pending);

  /** The key's totals: from memory once read, else read once from the store (concurrent callers share the read). */
  async function totals(key: string): Promise<UsageTotals> {
    const found = entry(key);
    if (!found.stored) {
      await mutex.run(key, async () => {
        found.stored ??= (await collection.get(key)) ?? emptyTotals(new Date(0));
      });
    }
    return current(found, found.stored ?? emptyTotals(new Date(0)));
  }

  /** Writes the key's pending change, then whatever arrived meanwhile, until nothing is left or a write fails. */
  function flushKey(key: string, found: Entry): Promise<void> {
    found.flushing ??= mutex.run(key, async () => {
      try {
        while (found.pending.at) {
          found.writing = found.pending;
          found.pending = noChange();
          try {
            const next = apply((await collection.get(key)) ?? emptyTotals(new Date(0)), found.writing);
            await collection.set(key, next);
            found.stored = next;
            found.writing = noChange();
          } catch (error) {
            // kept for the next write, and still counted by cap checks
            found.pending = merge(found.writing, found.pending);
            found.writing = noChange();
            deps.log.warn({ err: error, key }, 'usage ledger write failed');
            return;
          }
        }
      } finally {
        // in the same tick as the loop's last check: a change arriving later starts a new loop
        found.flushing = null;
      }
    });
    return found.flushing;
  }

  function change(keys: string[], delta: Change): Promise<void> {
    return Promise.all(
      keys.map((key) => {
        const found = entry(key);
        found.pending = merge(found.pending, delta);
        // a change that arrives while the key is written is taken by the running loop
        return flushKey(key, found);
      }),
    ).then(() => undefined);
  }

  const keysOf = (scope: UsageScope, at: Date) => [sessionKey(scope.id), guildKey(scope.guildId, utcDay(at))];

  return {
    record(scope, usage, at = new Date()) {
      return change(keysOf(scope, at), {
        ...noChange(),
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        cachedPromptTokens: usage.cachedPromptTokens ?? 0,
        calls: 1,
        at,
      });
    },

    recordFallback(scope, reason, at = new Date()) {
      return change(keysOf(scope, at), { ...noChange(), fallbacks: { [reason]: 1 }, at });
    },

    async capReached(scope, at = new Date()) {
      try {
        if (deps.caps.sessionTokens > 0 && totalTokens(await totals(sessionKey(scope.id))) >= deps.caps.sessionTokens) return 'session';
        if (deps.caps.guildDailyTokens > 0 && totalTokens(await totals(guildKey(scope.guildId, utcDay(at)))) >= deps.caps.guildDailyTokens) {
          return 'guild';
        }
        return null;
      } catch (error) {
        deps.log.warn({ err: error, sessionId: scope.id }, 'usage ledger unreadable, cap not checked');
        return null;
      }
    },

    sessionTotals: (sessionId) => totals(sessionKey(sessionId)),
    guildDayTotals: (guildId, day) => totals(guildKey(guildId, day)),

    async flush() {
      await Promise.all([...entries].map(([key, found]) => found.flushing ?? (found.pending.at ? flushKey(key, found) : Promise.resolve())));
    },
  };
}
