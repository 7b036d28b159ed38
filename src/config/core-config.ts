import { z } from 'zod';

/** Variables every front end uses. Each variable is listed in `.env.example` with a comment. */
export const CoreEnvSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` in a terminal, `json` for log shippers; default: pretty when stdout is a TTY */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** keyv connection: sqlite://path (default), redis://…, postgres://… */
  STORE_URL: z.string().min(1).default('sqlite://data/counterpart.sqlite'),
  /** extra folder with trainers' own persona files (YAML or JSON), loaded beside the built-in ones */
  PERSONAS_DIR: z.string().min(1).optional(),
  DEFAULT_LANGUAGE: z.enum(['de', 'en']).default('en'),
});
