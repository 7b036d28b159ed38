import { z } from 'zod';

/** Discord variables; all optional so the terminal practice runs with none of them. */
export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d+$/).optional(),
});
