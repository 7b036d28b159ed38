/**
 * Discord front end, end to end on loopback: the real bot (discord.js client, routers, engine,
 * offline grader, SQLite store) against the fake Discord. Prints the time from a trainee's
 * message to the feedback embed, and from `/practice start` to the customer's first line.
 *
 * Runs twice: with Discord's global REST budget of 50 requests per second, and with the budget
 * raised (as a bot whose limit Discord raised, or behind a proxy). One trainee replying as fast as
 * the bot answers needs more than 50 requests a second; discord.js then holds every request until
 * its one-second window ends (plus a 50 ms offset), which is where the p95 of almost a second at
 * 50/s comes from. The budget counts only requests, not their cost, so the raised run shows the
 * bot's own speed.
 *
 *   npx tsx bench/discord-roundtrip.bench.ts [replies=40] [raisedBudget=10000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESTEvents } from 'discord.js';
import { pino } from 'pino';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { startBot } from '../src/discord/start-bot.js';
import { uiText } from '../src/discord/ui-text.js';
import { createFakeDiscord } from '../test/support/fake-discord/index.js';

const replies = Number(process.argv[2] ?? 40);
const raisedBudget = Number(process.argv[3] ?? 10_000);
const texts = [
  'I am sorry, that sounds really stressful. Let me check your card right now.',
  'I understand. I can lift the block and send an emergency card to your hotel.',
];
const feedbackTitle = uiText('en').practice.feedbackTitle;
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;
const line = (name: string, values: number[]) =>
  `${name.padEnd(34)} n=${String(values.length).padStart(3)}  p50 ${pct(values, 0.5).toFixed(1)} ms  p95 ${pct(values, 0.95).toFixed(1)} ms  max ${Math.max(...values).toFixed(1)} ms`;

for (const budget of [50, raisedBudget]) {
  console.log(`\nglobal REST budget ${budget} requests/s${budget === 50 ? " (Discord's default)" : ' (raised: the fake limits nothing)'}`);
  await measure(budget);
}

async function measure(budget: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpart-bench-'));
  const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
  const fake = await createFakeDiscord();
  const guild = fake.guild({ channels: ['practice'] });
  const config = loadConfig({
    DISCORD_TOKEN: 'bench',
    LOG_LEVEL: 'silent',
    STORE_URL: storeUrl,
    DISCORD_REST_GLOBAL_RPS: String(budget),
    // one trainee replying as fast as the bot answers would be refused by the per-member limit
    RATE_LIMIT_REPLIES_PER_MINUTE: '0',
    RATE_LIMIT_COMMANDS_PER_MINUTE: '0',
  });
  const log = pino({ level: 'silent' });
  const app = await createApp({ config, log, storeUrl, random: () => 0 });
  const t0 = performance.now();
  const bot = await startBot({ config, log, app, client: { restApi: fake.restApi } });
  const loginMs = performance.now() - t0;
  let held = 0;
  let heldMs = 0;
  bot.client.rest.on(RESTEvents.RateLimited, (info) => {
    held++;
    heldMs = Math.max(heldMs, info.timeToReset);
  });

  const starts: number[] = [];
  const rounds: number[] = [];
  const started = performance.now();
  while (rounds.length < replies) {
    const trainee = fake.member(guild, { username: `t${starts.length}` });
    const before = fake.threads().length;
    const s = performance.now();
    fake.slash(trainee, 'practice', { sub: 'start', options: { persona: 'frustrated', language: 'en' } });
    const thread = await fake.waitFor(() => fake.threads()[before], 10_000);
    await fake.waitFor(() => fake.channelMessages(thread.id).filter((m) => m.via === 'channel')[1], 10_000);
    starts.push(performance.now() - s);
    for (const [index, text] of texts.entries()) {
      const r = performance.now();
      fake.say(trainee, thread.id, text);
      await fake.waitFor(
        () =>
          fake.channelMessages(thread.id).filter((m) => ((m.payload['embeds'] as Array<{ title?: string }>)[0]?.title ?? '').startsWith(feedbackTitle)).length >
            index || undefined,
        10_000,
      );
      rounds.push(performance.now() - r);
      const session = await app.storage.sessions.findByChannel(thread.id);
      if (session?.status === 'ended') break;
    }
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(`login to ready (fake gateway)       ${loginMs.toFixed(1)} ms`);
  console.log(line('/practice start → first line', starts));
  console.log(line('trainee message → feedback embed', rounds));
  console.log(`REST requests recorded: ${fake.requests.length} (${(fake.requests.length / seconds).toFixed(0)} per second of the run)`);
  console.log(`requests held for the global budget: ${held}${held > 0 ? ` (up to ${heldMs.toFixed(0)} ms)` : ''}`);

  await bot.stop();
  await app.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
}
