import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { CoreEnvSchema } from './core-config.js';
import { DiscordEnvSchema } from '../discord/discord-config.js';
import { LlmEnvSchema } from '../llm/llm-config.js';

/**
 * The whole configuration, read from the environment once at start-up. Nothing else in the code
 * reads `process.env`: the composition root passes `AppConfig` down.
 */
export const EnvSchema = CoreEnvSchema.extend(DiscordEnvSchema.shape).extend(LlmEnvSchema.shape);
export type AppConfig = z.infer<typeof EnvSchema>;

/** Empty strings count as unset, as in most .env tooling. */
function dropEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value;
  }
  return out;
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = EnvSchema.safeParse(dropEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Names of all variables the schema knows, for the `.env.example` consistency test. */
export function configVariableNames(): string[] {
  return Object.keys(EnvSchema.shape).sort();
}
