import type { KeyvStoreAdapter } from 'keyv';
import { StoreUnavailableError } from '../errors.js';
import type { Logger } from '../log/logger.js';

/**
 * How long one store call may take before it fails. A healthy Redis answers in well under a
 * millisecond; this only bounds a server that keeps the connection but does not answer (paused,
 * swapping, a half-open network path), so a trainee hears "try again" instead of waiting forever.
 * node-redis's own command timeout stops counting once a command is written, so it cannot.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 3000;
/** How long start-up waits for Redis before giving up (it may come up a moment after the bot). */
const REDIS_CONNECT_WAIT_MS = 10_000;
/** Longest pause between reconnect attempts while Redis is away. */
const REDIS_RECONNECT_MAX_MS = 1000;

/**
 * The keyv adapter for `redis://` / `rediss://`, configured to fail fast and heal by itself.
 *
 * The defaults of node-redis and @keyv/redis are wrong for a bot that must answer every message:
 * node-redis queues commands while disconnected (a reply would hang for the whole outage), and
 * @keyv/redis swallows command errors (a read during an outage returns "not found", a write is
 * silently dropped). Here a command while disconnected is refused at once, a command that gets no
 * answer times out, every error reaches keyv (which throws, and the store turns it into
 * {@link StoreUnavailableError}), and the client reconnects in the background every
 * {@link REDIS_RECONNECT_MAX_MS} at most, so the first message after Redis is back succeeds.
 */
export async function openRedisAdapter(url: string, log: Logger): Promise<KeyvStoreAdapter> {
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: REDIS_COMMAND_TIMEOUT_MS,
      // never gives up: a store that comes back is used again without a restart
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, REDIS_RECONNECT_MAX_MS) * (0.75 + Math.random() * 0.5),
    },
  });

  // One line per state change; keyv's 'error' event (logged by the store) carries the details.
  let connected = false;
  client.on('ready', () => {
    if (!connected) log.info({ store: 'redis' }, 'store connected');
    connected = true;
  });
  client.on('error', () => {
    if (connected) log.warn({ store: 'redis' }, 'store connection lost; reconnecting in the background');
    connected = false;
  });

  // Connected before the adapter sees it, so @keyv/redis never connects lazily (and never hangs a
  // first command on a server that is not there).
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer within ${REDIS_CONNECT_WAIT_MS} ms`));
        }, REDIS_CONNECT_WAIT_MS);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw new StoreUnavailableError(`could not connect to Redis at ${redisHost(url)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  return withDeadline(new KeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true }), REDIS_COMMAND_TIMEOUT_MS);
}

const BOUNDED = new Set(['get', 'getMany', 'set', 'setMany', 'delete', 'deleteMany', 'has', 'hasMany', 'clear']);

/**
 * The adapter with every data call bounded by `ms`. A call that timed out may still reach the
 * server later (a paused Redis runs it when it resumes); the caller was told it failed, which is
 * the safe side for a save: the engine's next save rewrites the whole session.
 */
function withDeadline(adapter: KeyvStoreAdapter, ms: number): KeyvStoreAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !BOUNDED.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new Error(`Redis did not answer ${property} within ${ms} ms`));
          }, ms);
        });
        return Promise.race([Promise.resolve(value.apply(target, args) as unknown), deadline]).finally(() => {
          clearTimeout(timer);
        });
      };
    },
  });
}

/** Host and port only: the URL may carry a password. */
function redisHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}
