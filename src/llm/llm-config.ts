import { z } from 'zod';

/** LLM variables; all optional: without an endpoint the scripted voice and offline grader run. */
export const LlmEnvSchema = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
});
