import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths whose values never reach a log line. Trainee text is personal data: it is logged only at
 * debug level and under `text`/`reply`, which info-level call sites must not use.
 */
export const REDACT_PATHS = [
  'token',
  'apiKey',
  'authorization',
  'headers.authorization',
  '*.token',
  '*.apiKey',
  '*.authorization',
  '*.OPENAI_API_KEY',
  '*.DISCORD_TOKEN',
  'OPENAI_API_KEY',
  'DISCORD_TOKEN',
  'config.OPENAI_API_KEY',
  'config.DISCORD_TOKEN',
];

export interface LoggerOptions {
  level: string;
  format?: 'pretty' | 'json' | undefined;
  /** where JSON lines go; tests pass a stream to capture them. Default: stderr. */
  destination?: DestinationStream;
}

/** Logs go to stderr so that stdout stays free for command output (the `grade` command writes JSON lines there). */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (options.destination) return pino(base, options.destination);
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  if (format === 'pretty') {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, ignore: 'pid,hostname' } },
    });
  }
  return pino(base, pino.destination(2));
}
