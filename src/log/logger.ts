import { pino, type DestinationStream, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

export type { Logger } from 'pino';

/**
 * Paths whose values never reach a log line. Trainee text is personal data: it is logged only at
 * debug level and under `text`/`reply`, which info-level call sites must not use.
 */
const REDACT_PATHS = [
  'token',
  'apiKey',
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.token',
  '*.apiKey',
  '*.authorization',
  '*.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.OPENAI_API_KEY',
  '*.DISCORD_TOKEN',
  '*.STORE_URL',
  'OPENAI_API_KEY',
  'DISCORD_TOKEN',
  'STORE_URL',
  'config.OPENAI_API_KEY',
  'config.DISCORD_TOKEN',
  'config.STORE_URL',
];

const REDACTED = '[redacted]';

/**
 * Shapes of secrets wherever they occur in a line — an error message, a stack, a string logged by a
 * library — as a last line of defence behind the redacted paths, which only cover known fields.
 */
const SECRET_SHAPES: ReadonlyArray<[RegExp, string]> = [
  // Authorization header values: `Bearer <key>` (model endpoints), `Bot <token>` (Discord; only
  // token-shaped, so "Bot reconnected" stays readable)
  [/\bBearer\s+[\w.~+/=-]{8,}/g, `Bearer ${REDACTED}`],
  [/\bBot\s+[\w-]{16,}\.[\w.-]+/g, `Bot ${REDACTED}`],
  // a password in a URL's user info: redis://:pw@host, postgres://user:pw@host
  [/\b([a-z][a-z\d+.-]*:\/\/[^\s:@/"'\\]*:)[^\s@/"'\\]+@/gi, `$1${REDACTED}@`],
  // OpenAI-style API keys
  [/\bsk-[\w-]{16,}/g, `sk-${REDACTED}`],
  // Discord bot tokens: three base64url parts, the first the bot's id
  [/\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}\b/g, REDACTED],
];

interface LoggerOptions {
  level: string;
  format?: 'pretty' | 'json' | undefined;
  /** where JSON lines go; tests pass a stream to capture them. Default: stderr. */
  destination?: DestinationStream;
  /**
   * Values that must never be written, wherever they appear (see {@link secretsOf}). Matched as
   * plain text in every line, after the shapes above.
   */
  secrets?: readonly string[];
}

/** The configured secrets: the bot token, the model API key, and the password in STORE_URL. */
export function secretsOf(config: { DISCORD_TOKEN?: string | undefined; OPENAI_API_KEY?: string | undefined; STORE_URL?: string | undefined }): string[] {
  const secrets = [config.DISCORD_TOKEN, config.OPENAI_API_KEY, urlPassword(config.STORE_URL)];
  return secrets.filter((secret): secret is string => secret !== undefined && secret.length > 0);
}

function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces every secret shape and every given secret in one serialized line. */
export function scrubSecrets(line: string, secrets: readonly string[] = []): string {
  let out = line;
  for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
  // Short values would blank out ordinary words; a real secret is longer than this.
  for (const secret of secrets) if (secret.length >= 6) out = out.replaceAll(secret, REDACTED);
  return out;
}

/** Logs go to stderr so that stdout stays free for command output (the `grade` command writes JSON lines there). */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = [...(options.secrets ?? [])];
  const base = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) },
  };
  if (options.destination) return pino(base, options.destination);
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  if (format === 'pretty') {
    // In-process and synchronous: in the terminal practice a warning ("model call failed") must be
    // on the screen before the next "You:" prompt, not written by a worker thread after it.
    return pino(base, PinoPretty({ destination: 2, sync: true, colorize: true, ignore: 'pid,hostname' }));
  }
  return pino(base, pino.destination(2));
}
