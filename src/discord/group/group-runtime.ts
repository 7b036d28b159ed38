import type { Client } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { createCoalescingScheduler, type CoalescingScheduler } from './coalescing-scheduler.js';

/** Timings of the group features; tests shorten them. */
export interface GroupTimings {
  /** at most one edit of a session card per this many milliseconds (Discord rate-limits edits per message) */
  cardEditIntervalMs: number;
  /** how long a shared-scenario round stays open when not everyone answers */
  roundMs: number;
}

const DEFAULT_TIMINGS: GroupTimings = { cardEditIntervalMs: 5_000, roundMs: 3 * 60_000 };

/** What the process holds for one open group: its Discord client, its timers and its card scheduler. */
export interface ActiveGroup {
  readonly groupId: string;
  readonly client: Client;
  readonly context: BotContext;
  readonly card: CoalescingScheduler;
  endTimer?: ReturnType<typeof setTimeout> | undefined;
  roundTimer?: ReturnType<typeof setTimeout> | undefined;
  /** answers being graded now; ending or closing a round waits for them */
  readonly grading: Set<Promise<unknown>>;
  /** the card as last drawn, so an unchanged card is not edited again */
  lastDrawn: string | null;
}

/**
 * The open groups of this process. Timers and card schedulers live here (not on the discord.js
 * client); the store stays the source of truth, so a restart rebuilds this from `resumeGroups`.
 */
class GroupRuntime {
  timings: GroupTimings = { ...DEFAULT_TIMINGS };
  readonly #groups = new Map<string, ActiveGroup>();

  /** Registers a group (or returns the registered one). `refresh` redraws its card. */
  activate(groupId: string, client: Client, context: BotContext, refresh: () => Promise<void>): ActiveGroup {
    const existing = this.#groups.get(groupId);
    if (existing) return existing;
    const active: ActiveGroup = {
      groupId,
      client,
      context,
      grading: new Set(),
      lastDrawn: null,
      card: createCoalescingScheduler({
        intervalMs: this.timings.cardEditIntervalMs,
        run: refresh,
        onError: (error) => {
          context.log.warn({ err: error, groupId }, 'session card could not be updated');
        },
      }),
    };
    this.#groups.set(groupId, active);
    return active;
  }

  get(groupId: string): ActiveGroup | undefined {
    return this.#groups.get(groupId);
  }

  /** Stops the group's timers and forgets it. */
  deactivate(groupId: string): void {
    const active = this.#groups.get(groupId);
    if (!active) return;
    active.card.stop();
    if (active.endTimer) clearTimeout(active.endTimer);
    if (active.roundTimer) clearTimeout(active.roundTimer);
    this.#groups.delete(groupId);
  }

  /** Stops everything (shutdown, end of a test). */
  clear(): void {
    for (const groupId of [...this.#groups.keys()]) this.deactivate(groupId);
  }
}

/** A timer at a wall-clock time that does not keep the process alive by itself (the Discord client does). */
export function setTimerAt(at: number, run: () => void): ReturnType<typeof setTimeout> {
  // Group durations are capped far below setTimeout's 24.8-day maximum.
  const timer = setTimeout(run, Math.max(0, at - Date.now()));
  timer.unref();
  return timer;
}

export const groupRuntime = new GroupRuntime();
