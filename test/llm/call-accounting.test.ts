import { describe, expect, it } from 'vitest';
import type { TokenUsage } from '../../src/engine/session.js';
import { createCallAccounting } from '../../src/llm/call-accounting.js';
import type { CapScope, FallbackReason, UsageLedger, UsageScope } from '../../src/llm/usage-ledger.js';
import { captureLogger } from '../support/fake-openai/llm-test-kit.js';

/** A ledger whose cap answer is fixed, recording what it is told; totals and flush are not expected here. */
function fakeLedger(cap: CapScope | null) {
  const records: Array<{ scope: UsageScope; usage: TokenUsage }> = [];
  const fallbacks: Array<{ scope: UsageScope; reason: FallbackReason }> = [];
  const unexpected = () => Promise.reject(new Error('unexpected ledger call'));
  const ledger: UsageLedger = {
    async record(scope, usage) {
      records.push({ scope, usage });
    },
    async recordFallback(scope, reason) {
      fallbacks.push({ scope, reason });
    },
    capReached: async () => cap,
    sessionTotals: unexpected,
    guildDayTotals: unexpected,
    flush: unexpected,
  };
  return { ledger, records, fallbacks };
}

function entries(logs: ReturnType<typeof captureLogger>, msg: string): Array<Record<string, unknown>> {
  return logs
    .lines()
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === msg);
}

const CAP_MESSAGE = 'token cap reached, continuing offline';

describe('call accounting', () => {
  it('logs a reached cap once per session, at info, with the session, server and cap', async () => {
    const logs = captureLogger();
    const accounting = createCallAccounting(fakeLedger('guild').ledger, logs.log);
    const a = { session: { id: 'a', guildId: 'g1' } };
    const b = { session: { id: 'b', guildId: 'g1' } };
    expect(await accounting.capReached(a)).toBe('guild');
    expect(await accounting.capReached(b)).toBe('guild');
    expect(await accounting.capReached(a)).toBe('guild');
    expect(entries(logs, CAP_MESSAGE)).toEqual([
      expect.objectContaining({ level: 30, sessionId: 'a', guildId: 'g1', cap: 'guild' }),
      expect.objectContaining({ level: 30, sessionId: 'b', guildId: 'g1', cap: 'guild' }),
    ]);
  });

  it('remembers up to 10,001 capped sessions, then starts afresh, so a long-running bot does not grow without bound', async () => {
    const logs = captureLogger('info');
    const accounting = createCallAccounting(fakeLedger('session').ledger, logs.log);
    const capped = (id: string) => accounting.capReached({ session: { id, guildId: null } });
    for (let i = 0; i <= 10_000; i++) await capped(`s${i}`);
    await capped('s0');
    expect(entries(logs, CAP_MESSAGE)).toHaveLength(10_001);
    // the next session fills the memory over its bound: it is cleared, and s0 is logged again
    await capped('s10001');
    await capped('s0');
    expect(
      entries(logs, CAP_MESSAGE)
        .slice(-2)
        .map((entry) => entry.sessionId),
    ).toEqual(['s10001', 's0']);
  });

  it('logs a fallback at info with the session, the provider and the reason, and records it', () => {
    const logs = captureLogger();
    const { ledger, fallbacks } = fakeLedger(null);
    const scope = { id: 'a', guildId: 'g1' };
    createCallAccounting(ledger, logs.log).fellBack({ session: scope }, 'voice', 'timeout');
    expect(entries(logs, 'LLM answer replaced by the offline one')).toEqual([
      expect.objectContaining({ level: 30, sessionId: 'a', provider: 'voice', reason: 'timeout' }),
    ]);
    expect(fallbacks).toEqual([{ scope, reason: 'timeout' }]);
  });
});
