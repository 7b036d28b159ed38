import type { CallOptions } from '../engine/call-options.js';
import type { TokenUsage } from '../engine/session.js';
import type { Logger } from '../log/logger.js';
import type { CapScope, FallbackReason, UsageLedger } from './usage-ledger.js';

/**
 * What the judge and the voice share around each model call: the cap check before it, and after it
 * the usage report (to the engine through `onUsage`, to the ledger) and the fallback record.
 */
export interface CallAccounting {
  /** the cap that forbids a model call now, or null; logs the first hit per session at info */
  capReached(options: CallOptions): Promise<CapScope | null>;
  /** reports at once through `onUsage`; the ledger write runs on without delaying the exchange */
  spent(options: CallOptions, usage: TokenUsage | undefined): void;
  fellBack(options: CallOptions, provider: 'voice' | 'judge', reason: FallbackReason): void;
}

export function createCallAccounting(ledger: UsageLedger, log: Logger): CallAccounting {
  // sessions whose cap was already logged; bounded so a long-running bot does not grow it forever
  const capLogged = new Set<string>();
  return {
    async capReached(options) {
      if (!options.session) return null;
      const cap = await ledger.capReached(options.session);
      if (cap && !capLogged.has(options.session.id)) {
        if (capLogged.size > 10_000) capLogged.clear();
        capLogged.add(options.session.id);
        log.info({ sessionId: options.session.id, guildId: options.session.guildId, cap }, 'token cap reached, continuing offline');
      }
      return cap;
    },
    spent(options, usage) {
      if (!usage) return;
      options.onUsage?.(usage);
      // the ledger logs its own failures and never rejects
      if (options.session) void ledger.record(options.session, usage);
    },
    fellBack(options, provider, reason) {
      log.info({ sessionId: options.session?.id, provider, reason }, 'LLM answer replaced by the offline one');
      if (options.session) void ledger.recordFallback(options.session, reason);
    },
  };
}
