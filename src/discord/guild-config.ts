import { z } from 'zod';
import { LanguageSchema } from '../evaluation/grade.js';

/** Per-server settings, changed with `/config` by members with Manage Server. */
export const GuildConfigSchema = z.object({
  trainerRoleId: z.string().nullable().default(null),
  managerRoleId: z.string().nullable().default(null),
  /** channels where `/practice start` is allowed; empty: any text channel */
  practiceChannelIds: z.array(z.string()).default([]),
  threadVisibility: z.enum(['private', 'public']).default('private'),
  language: LanguageSchema.default('en'),
  /** days after their last activity that sessions are deleted; null: kept until someone deletes them */
  retentionDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type GuildConfig = z.infer<typeof GuildConfigSchema>;

export const GUILD_CONFIG_COLLECTION = 'guild-config';
