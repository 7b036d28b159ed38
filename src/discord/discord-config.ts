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
});
