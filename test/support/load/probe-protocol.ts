import { z } from 'zod';

/**
 * What the load driver and the bot process say to each other over the IPC channel of `fork()`.
 * The bot runs in its own process so that its memory and event-loop figures are its own, not the
 * fake Discord's or the driver's.
 */

export type ProbeRequest =
  /** the bot's memory and event-loop delay now (after a forced GC when `gc` is true) */
  | { type: 'stats'; gc: boolean }
  /** starts event-loop delay measuring afresh (the measured phase begins) */
  | { type: 'reset-loop' }
  | { type: 'stop' };

export const ProbeStatsSchema = z.object({
  type: z.literal('stats'),
  rssBytes: z.number(),
  /** the most resident memory the process ever had (getrusage maxrss) */
  peakRssBytes: z.number(),
  heapUsedBytes: z.number(),
  /** what V8 has reserved for its heap (used or not) */
  heapTotalBytes: z.number(),
  externalBytes: z.number(),
  /** CPU time the process has used so far (user + system), in ms */
  cpuMs: z.number(),
  /** true when the heap figures follow a forced full GC */
  collected: z.boolean(),
  /** event-loop delay since the last reset, in ms */
  loop: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
});
export type ProbeStats = z.infer<typeof ProbeStatsSchema>;

export const ProbeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('stopped') }),
  ProbeStatsSchema,
]);
export type ProbeMessage = z.infer<typeof ProbeMessageSchema>;
