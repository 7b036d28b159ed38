import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { PRACTICE_PREFIX, PRACTICE_START_PREFIX } from '../../src/discord/components.js';
import { JOIN_PREFIX, NEXT_PREFIX } from '../../src/discord/group/render-card.js';
import {
  createMemberRateLimits,
  limitedCommand,
  limitedComponent,
  rateLimitSettings,
  retrySeconds,
  type MemberRateLimits,
  type RateDecision,
} from '../../src/discord/rate-limit.js';
import { REVIEW_IDS } from '../../src/discord/review/review-ids.js';

async function takeMany(limits: MemberRateLimits, count: number, guildId = 'g1', userId = 'u1'): Promise<RateDecision[]> {
  const out: RateDecision[] = [];
  for (let i = 0; i < count; i++) out.push(await limits.take('reply', guildId, userId));
  return out;
}

const allowedCount = (decisions: RateDecision[]) => decisions.filter((d) => d.allowed).length;

describe('member rate limits', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a burst through at once, then refuses until the steady pace allows one more', async () => {
    const limits = createMemberRateLimits({ reply: { perMinute: 12, burst: 5 }, command: { perMinute: 0, burst: 5 } });
    const first = await takeMany(limits, 8);
    expect(first.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);

    const refused = first[5];
    expect(refused).toMatchObject({ allowed: false });
    // 12 a minute: the next one is due within five seconds
    if (refused && !refused.allowed) {
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(5_000);
    }

    await vi.advanceTimersByTimeAsync(5_000);
    expect(allowedCount(await takeMany(limits, 3))).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(allowedCount(await takeMany(limits, 3))).toBe(1);
  });

  it('gives the burst back a minute after it was used', async () => {
    const limits = createMemberRateLimits({ reply: { perMinute: 12, burst: 5 }, command: { perMinute: 0, burst: 5 } });
    expect(allowedCount(await takeMany(limits, 10))).toBe(5);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(allowedCount(await takeMany(limits, 10))).toBe(5);
  });

  it('never refuses a member who replies every ten seconds, as a person typing does', async () => {
    const limits = createMemberRateLimits(rateLimitSettings(loadConfig({})));
    const decisions: RateDecision[] = [];
    for (let i = 0; i < 60; i++) {
      decisions.push(await limits.take('reply', 'g1', 'u1'));
      await vi.advanceTimersByTimeAsync(10_000);
    }
    expect(allowedCount(decisions)).toBe(60);
  });

  it('counts every member of every server apart', async () => {
    const limits = createMemberRateLimits({ reply: { perMinute: 12, burst: 2 }, command: { perMinute: 0, burst: 2 } });
    expect(allowedCount(await takeMany(limits, 5, 'g1', 'u1'))).toBe(2);
    expect(allowedCount(await takeMany(limits, 5, 'g1', 'u2'))).toBe(2);
    // the same user id in another server has its own counter
    expect(allowedCount(await takeMany(limits, 5, 'g2', 'u1'))).toBe(2);
  });

  it('keeps the reply and the command bucket apart', async () => {
    const limits = createMemberRateLimits({ reply: { perMinute: 12, burst: 1 }, command: { perMinute: 6, burst: 1 } });
    expect((await limits.take('reply', 'g', 'u')).allowed).toBe(true);
    expect((await limits.take('reply', 'g', 'u')).allowed).toBe(false);
    expect((await limits.take('command', 'g', 'u')).allowed).toBe(true);
    expect((await limits.take('command', 'g', 'u')).allowed).toBe(false);
  });

  it('asks to tell the member only once per refusal window', async () => {
    const limits = createMemberRateLimits({ reply: { perMinute: 6, burst: 1 }, command: { perMinute: 0, burst: 1 } });
    const flood = await takeMany(limits, 6);
    expect(flood.map((d) => (d.allowed ? 'ok' : d.notify ? 'tell' : 'quiet'))).toEqual(['ok', 'tell', 'quiet', 'quiet', 'quiet', 'quiet']);

    // once the window is over the next message goes through, and the next refusal is told again
    await vi.advanceTimersByTimeAsync(10_000);
    const later = await takeMany(limits, 3);
    expect(later.map((d) => (d.allowed ? 'ok' : d.notify ? 'tell' : 'quiet'))).toEqual(['ok', 'tell', 'quiet']);
  });

  it('with 0 per minute a bucket is off: nothing is ever refused', async () => {
    const limits = createMemberRateLimits(rateLimitSettings(loadConfig({ RATE_LIMIT_REPLIES_PER_MINUTE: '0' })));
    expect(limits.isLimited('reply')).toBe(false);
    expect(limits.isLimited('command')).toBe(true);
    expect(allowedCount(await takeMany(limits, 500))).toBe(500);
  });
});

describe('rate-limit configuration and costs', () => {
  it('defaults to 5 replies at once then 12 a minute, and 10 commands at once then 6 a minute', () => {
    expect(rateLimitSettings(loadConfig({}))).toEqual({ reply: { perMinute: 12, burst: 5 }, command: { perMinute: 6, burst: 10 } });
  });

  it('reads the limits from the environment and refuses nonsense', () => {
    const config = loadConfig({
      RATE_LIMIT_REPLIES_PER_MINUTE: '120',
      RATE_LIMIT_COMMANDS_PER_MINUTE: '0',
      RATE_LIMIT_BURST: '20',
      RATE_LIMIT_COMMANDS_BURST: '3',
    });
    expect(rateLimitSettings(config)).toEqual({ reply: { perMinute: 120, burst: 20 }, command: { perMinute: 0, burst: 3 } });
    expect(() => loadConfig({ RATE_LIMIT_REPLIES_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_REPLIES_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_BURST: '0' })).toThrow(/RATE_LIMIT_BURST/);
  });

  it('charges the commands that start model calls or heavy reads, not the cheap ones', () => {
    expect(limitedCommand('practice', 'start')).toBe('command');
    expect(limitedCommand('session', 'scenario')).toBe('command');
    expect(limitedCommand('team-report', null)).toBe('command');
    expect(limitedCommand('progress', null)).toBe('command');
    expect(limitedCommand('practice', 'end')).toBeUndefined();
    expect(limitedCommand('session', 'end')).toBeUndefined();
    expect(limitedCommand('personas', null)).toBeUndefined();
    expect(limitedCommand('config', 'set')).toBeUndefined();
  });

  it('charges Hint and Retry as replies, starting and exporting as commands, and leaves End and paging free', () => {
    expect(limitedComponent(PRACTICE_PREFIX, 'hint')).toBe('reply');
    expect(limitedComponent(PRACTICE_PREFIX, 'retry')).toBe('reply');
    expect(limitedComponent(PRACTICE_PREFIX, 'end')).toBeUndefined();
    expect(limitedComponent(PRACTICE_START_PREFIX, 'go')).toBe('command');
    expect(limitedComponent(PRACTICE_START_PREFIX, 'cancel')).toBeUndefined();
    expect(limitedComponent(JOIN_PREFIX, 'x')).toBe('command');
    expect(limitedComponent(NEXT_PREFIX, 'x')).toBe('command');
    expect(limitedComponent(REVIEW_IDS.export, 'html')).toBe('command');
    expect(limitedComponent(REVIEW_IDS.report, undefined)).toBe('command');
    expect(limitedComponent(REVIEW_IDS.page, '2')).toBeUndefined();
    expect(limitedComponent(REVIEW_IDS.open, undefined)).toBeUndefined();
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    expect(retrySeconds(1)).toBe(1);
    expect(retrySeconds(4_001)).toBe(5);
    expect(retrySeconds(5_000)).toBe(5);
  });
});
