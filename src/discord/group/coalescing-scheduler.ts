/**
 * Runs a task at most once per `intervalMs`, however often it is requested: requests that arrive
 * while a run is waiting or in flight fold into one later run. The task reads the latest state when
 * it runs, so nothing requested is lost — it is only delayed. Used for session-card edits, which
 * Discord rate-limits per message.
 */
export interface CoalescingScheduler {
  request(): void;
  /** runs a waiting request now (e.g. before the card is replaced by the results board) */
  flush(): Promise<void>;
  /** drops waiting requests; later requests are ignored */
  stop(): void;
}

interface SchedulerOptions {
  intervalMs: number;
  run: () => Promise<void>;
  onError?: (error: unknown) => void;
  now?: () => number;
}

export function createCoalescingScheduler(options: SchedulerOptions): CoalescingScheduler {
  const now = options.now ?? Date.now;
  let lastRunAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let wanted = false;
  let stopped = false;

  function schedule(): void {
    if (stopped || timer !== undefined || running) return;
    const delay = Math.max(0, lastRunAt + options.intervalMs - now());
    timer = setTimeout(() => {
      timer = undefined;
      void runNow();
    }, delay);
  }

  async function runNow(): Promise<void> {
    if (stopped || !wanted) return;
    wanted = false;
    lastRunAt = now();
    running = options.run().catch((error: unknown) => options.onError?.(error));
    try {
      await running;
    } finally {
      running = undefined;
    }
    // A request that came in during the run gets its own run, one interval after this one began.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by request() while the run awaited; narrowing does not see it
    if (wanted) schedule();
  }

  return {
    request() {
      if (stopped) return;
      wanted = true;
      schedule();
    },
    async flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      if (running) await running;
      await runNow();
    },
    stop() {
      stopped = true;
      wanted = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
