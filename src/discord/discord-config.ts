import { z } from 'zod';

/** Discord variables; all optional so the terminal practice runs with none of them. */
export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d+$/).optional(),
  /** a development server: slash commands are registered there (instantly) instead of globally */
  DISCORD_DEV_GUILD_ID: z.string().regex(/^\d+$/).optional(),
  /** register slash commands every time the bot starts (else run `npm run deploy-commands` once) */
  DISCORD_REGISTER_COMMANDS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /**
   * where the REST API lives, without the version: an HTTP proxy in front of Discord (several bot
   * processes sharing one rate limit) or a local fake Discord. Default: Discord's own.
   */
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * REST requests per second across the whole bot. Discord allows 50 unless it raised the limit
   * for your bot; set it higher only then (or against a proxy or fake that allows more).
   */
  DISCORD_REST_GLOBAL_RPS: z.coerce.number().int().min(1).max(10_000).default(50),
  /**
   * Graded replies (and Hint/Retry) one member may send per minute in their practice threads, per
   * server; 0 switches the limit off (a load benchmark). See `src/discord/rate-limit.ts`.
   */
  RATE_LIMIT_REPLIES_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(12),
  /** expensive commands and buttons (practice start, exports, reports) one member may use per minute; 0: off */
  RATE_LIMIT_COMMANDS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(6),
  /** how many replies a member may send at once before the per-minute pace applies; it refills each minute */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10_000).default(5),
  /**
   * the same for expensive commands and buttons: larger, because browsing (a listing, then all four
   * export formats) is a quick run of clicks, while the steady pace stays low
   */
  RATE_LIMIT_COMMANDS_BURST: z.coerce.number().int().min(1).max(10_000).default(10),
});
