import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startBot } from '../../src/discord/start-bot.js';
import { uiText } from '../../src/discord/ui-text.js';
import { createLogger, scrubSecrets, secretsOf } from '../../src/log/logger.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { createFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { captureLogger } from '../support/fake-openai/llm-test-kit.js';
import { botMessages, waitForAnswer, waitForEmbeds } from '../discord/bot-harness.js';
import { hasRedisServer, redisServer, type RedisServer } from '../support/redis-server.js';

/**
 * Secrets never reach a log line: the bot token, the model API key and a password in STORE_URL are
 * configured, the app runs, fails and is refused in every way we can provoke, and the captured
 * pino output (at trace level, the most that is ever written) is searched for them.
 */

const DISCORD_TOKEN = 'MTk4NjIyNDgzNDcxOTI1MjQ4.Gq3xYz.discord-token-secret-5f1c9e';
const OPENAI_API_KEY = 'sk-test-openai-secret-8d2b7a41c0';
const REDIS_PASSWORD = 'redis-pass-secret-6e93';
const PG_PASSWORD = 'pg-pass-secret-2a71';
const SECRETS = [DISCORD_TOKEN, OPENAI_API_KEY, REDIS_PASSWORD, PG_PASSWORD];

/** Every secret, and anything that looks like an Authorization header with a value. */
function expectNoSecrets(output: string, what: string): void {
  for (const secret of SECRETS) expect(output.includes(secret), `${what} contains ${secret.slice(0, 8)}…`).toBe(false);
  expect(output, `${what}: an Authorization header`).not.toMatch(/Bearer\s+[\w.~+/-]{6,}|\bBot\s+[\w-]{10,}\.[\w-]+/);
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const hasRedis = hasRedisServer();

/** redis-server with a password, started on a free port. */
async function startPasswordRedis(): Promise<RedisServer> {
  const server = await redisServer({ password: REDIS_PASSWORD });
  await server.start();
  return server;
}

describe('secrets never reach the logs', () => {
  let fake: FakeDiscord;
  let llm: FakeOpenAi;
  let dir: string;

  beforeAll(async () => {
    fake = await createFakeDiscord();
    llm = await startFakeOpenAi();
    dir = await mkdtemp(join(tmpdir(), 'counterpart-secrets-'));
  });
  afterAll(async () => {
    await fake.close();
    await llm.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasRedis)('a practice with token, API key and a Redis password configured, the model answering 401 and 500, logs none of them', async () => {
    const redis = await startPasswordRedis();
    const capture = captureLogger('trace');
    const guild = fake.guild({ channels: ['practice'] });
    const member = fake.member(guild, { username: 'trainee' });
    const config = loadConfig({
      DISCORD_TOKEN,
      OPENAI_API_KEY,
      OPENAI_BASE_URL: llm.baseURL,
      LLM_MAX_RETRIES: '0',
      STORE_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`,
      LOG_LEVEL: 'trace',
    });
    // A provider that echoes the key in its error body (some proxies do), then one that fails outright.
    llm.enqueue('voice', { kind: 'normal' }, { kind: 'status', status: 500, message: `upstream refused key ${OPENAI_API_KEY}` });
    llm.enqueue('judge', { kind: 'status', status: 401, message: `Incorrect API key provided: ${OPENAI_API_KEY}` });
    const bot = await startBot({ config, log: capture.log, client: { restApi: fake.restApi } });
    try {
      const started = fake.slash(member, 'practice', { sub: 'start', options: { persona: 'frustrated', language: 'en' } });
      await waitForAnswer(fake, started);
      const thread = fake.threads().at(-1)!;
      await fake.waitFor(() => botMessages(fake, thread.id)[1]);
      fake.say(member, thread.id, 'I am sorry about the card. Let me check it for you right away.');
      await waitForEmbeds(fake, thread.id, uiText('en').practice.feedbackTitle, 1);
    } finally {
      await bot.stop();
      await redis.stop();
    }
    // the secrets were really in play: the key went to the model endpoint, the 401 and 500 happened
    expect(llm.requests.some((request) => request.headers.authorization === `Bearer ${OPENAI_API_KEY}`)).toBe(true);
    expect(capture.text()).toMatch(/model call failed/);
    expect(capture.lines().length).toBeGreaterThan(10);
    expectNoSecrets(capture.text(), 'the log of a practice');
  });

  it('a refused bot token: neither the log nor the error that reaches the terminal carries it', async () => {
    const capture = captureLogger('trace');
    fake.refuseToken = true;
    const config = loadConfig({ DISCORD_TOKEN, STORE_URL: `sqlite://${join(dir, 'refused.sqlite')}`, LOG_LEVEL: 'trace' });
    const failure = await startBot({ config, log: capture.log, client: { restApi: fake.restApi } }).catch((error: unknown) => error);
    fake.refuseToken = false;
    expect(failure).toBeInstanceOf(Error);
    // whoever logs the failure logs it whole, causes included
    capture.log.error({ err: failure }, 'bot failed');
    expectNoSecrets(capture.text(), 'the log of a refused login');
    expectNoSecrets((failure as Error).message, 'the error message');
  });

  it('a configuration error names the variable, not the secrets around it', () => {
    const capture = captureLogger('trace');
    const env = {
      DISCORD_TOKEN,
      OPENAI_API_KEY,
      STORE_URL: `postgres://counterpart:${PG_PASSWORD}@db/counterpart`,
      OPENAI_BASE_URL: `not a url ${OPENAI_API_KEY}`,
      DEFAULT_LANGUAGE: 'fr',
    };
    const failure = (() => {
      try {
        loadConfig(env);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect((failure as Error).message).toMatch(/OPENAI_BASE_URL/);
    capture.log.error({ err: failure }, 'configuration refused');
    expectNoSecrets(capture.text(), 'the log of a configuration error');
  });

  it('the objects that hold secrets are redacted when logged whole, and secret-shaped text is scrubbed anywhere', () => {
    const config = loadConfig({ DISCORD_TOKEN, OPENAI_API_KEY, STORE_URL: `redis://:${REDIS_PASSWORD}@cache:6379` });
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const capture = { log: createLogger({ level: 'trace', destination, secrets: secretsOf(config) }), lines: () => lines, text: () => lines.join('\n') };
    capture.log.info({ config }, 'configuration');
    capture.log.info({ ...config }, 'configuration spread');
    capture.log.info({ headers: { authorization: `Bearer ${OPENAI_API_KEY}` }, req: { headers: { Authorization: `Bot ${DISCORD_TOKEN}` } } }, 'a request');
    capture.log.info({ url: `postgres://counterpart:${PG_PASSWORD}@db/counterpart` }, 'a connection string');
    capture.log.warn(`connecting to redis://:${REDIS_PASSWORD}@cache:6379 with Bearer ${OPENAI_API_KEY}`);
    capture.log.error({ err: new Error(`login failed for ${DISCORD_TOKEN}`, { cause: new Error(`key ${OPENAI_API_KEY} refused`) }) }, 'failed');
    expect(capture.lines()).toHaveLength(6);
    expectNoSecrets(capture.text(), 'objects logged whole');
    // what is not secret stays readable
    expect(capture.text()).toContain('cache:6379');
    expect(capture.text()).toContain('login failed for');
  });

  it('scrubs secret shapes even when the logger was not told the values, and leaves ordinary text alone', () => {
    const line = `Bearer ${OPENAI_API_KEY} Bot ${DISCORD_TOKEN} postgres://u:${PG_PASSWORD}@db/x ${DISCORD_TOKEN}`;
    expectNoSecrets(scrubSecrets(line), 'a scrubbed line');
    const ordinary = 'Bot reconnected to https://discord.com/api after 3 attempts; session 5e8cb06e-f30d-496a-956c-8f532ec8e33c';
    expect(scrubSecrets(ordinary)).toBe(ordinary);
    expect(secretsOf({ DISCORD_TOKEN, OPENAI_API_KEY, STORE_URL: `postgres://u:${PG_PASSWORD}@db/x` })).toEqual([DISCORD_TOKEN, OPENAI_API_KEY, PG_PASSWORD]);
    expect(secretsOf({ STORE_URL: 'sqlite://data/counterpart.sqlite' })).toEqual([]);
  });

  // Redis refusing a password is retried until the connect deadline (10 s): run beside the process test.
  it.concurrent(
    'a store that refuses the password or cannot be opened: the URL with its password is not logged',
    async () => {
      const capture = captureLogger('trace');
      if (hasRedis) {
        const redis = await startPasswordRedis();
        const wrong = await openStorage({ url: `redis://:${REDIS_PASSWORD}-wrong@127.0.0.1:${redis.port}`, log: capture.log }).catch((error: unknown) => error);
        await redis.stop();
        expect(wrong).toBeInstanceOf(Error);
        capture.log.error({ err: wrong }, 'store failed');
      }
      const postgres = await openStorage({ url: `postgres://counterpart:${PG_PASSWORD}@127.0.0.1:1/counterpart`, log: capture.log }).catch(
        (error: unknown) => error,
      );
      expect(postgres).toBeInstanceOf(Error);
      capture.log.error({ err: postgres }, 'store failed');
      expectNoSecrets(capture.text(), 'the log of a failed store');
    },
    20_000,
  );

  it.concurrent(
    'the real process (`counterpart bot`) with a refused token and with a bad configuration prints no secret',
    async () => {
      const discord = await createFakeDiscord();
      const run = (env: Record<string, string>) =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const child = spawn(process.execPath, [join(REPO, 'bin/counterpart.js'), 'bot'], {
            cwd: dir,
            env: { PATH: process.env['PATH'] ?? '', HOME: dir, LOG_FORMAT: 'json', LOG_LEVEL: 'trace', ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let output = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
          child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
          child.once('exit', (code) => {
            resolve({ code, output });
          });
        });
      discord.refuseToken = true;
      const refused = await run({
        DISCORD_TOKEN,
        OPENAI_API_KEY,
        DISCORD_API_URL: discord.restApi,
        STORE_URL: `sqlite://${join(dir, 'process.sqlite')}`,
      }).finally(() => discord.close());
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/DISCORD_TOKEN/);
      expectNoSecrets(refused.output, 'the output of a refused start');

      const misconfigured = await run({ DISCORD_TOKEN, OPENAI_API_KEY, STORE_URL: `redis://:${REDIS_PASSWORD}@cache:6379`, LLM_TIMEOUT_MS: 'soon' });
      expect(misconfigured.code).toBe(2);
      expect(misconfigured.output).toMatch(/LLM_TIMEOUT_MS/);
      expectNoSecrets(misconfigured.output, 'the output of a configuration error');
    },
    30_000,
  );
});
