/**
 * The manager-review commands end to end on loopback: the real bot against the fake Discord, with
 * a store of `sessions` seeded sessions (copies of one real practice, spread over members and
 * days). Prints time from the interaction to the finished answer, and how soon each was
 * acknowledged (Discord forgets interactions not acknowledged within 3 s).
 *
 *   npx tsx bench/discord-review.bench.ts [sessions=300] [repeats=10]
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { startBot } from '../src/discord/start-bot.js';
import { ALL_PERMISSIONS, createFakeDiscord, type FakeInteraction, type StoredMessage } from '../test/support/fake-discord/index.js';

const total = Number(process.argv[2] ?? 300);
const repeats = Number(process.argv[3] ?? 10);
const dir = await mkdtemp(join(tmpdir(), 'counterpart-bench-'));
const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
const fake = await createFakeDiscord();
const guild = fake.guild({ channels: ['practice'] });
const config = loadConfig({ DISCORD_TOKEN: 'bench', LOG_LEVEL: 'silent', STORE_URL: storeUrl });
const log = pino({ level: 'silent' });
const app = await createApp({ config, log, storeUrl, random: () => 0 });
const bot = await startBot({ config, log, app, client: { restApi: fake.restApi } });
const manager = fake.member(guild, { username: 'manager', permissions: ALL_PERMISSIONS });
const members = Array.from({ length: 10 }, (_, index) => fake.member(guild, { username: `t${index}` }));

// One real practice through the engine, then copies in the store.
const first = members[0]!;
const started = await app.engine.start({
  userId: first.user.id,
  guildId: guild.id,
  personaId: 'frustrated',
  lang: 'en',
  intensity: 'standard',
  channelRef: null,
});
let session = started.session;
for (const text of ['Calm down, it is just a card.', 'I am sorry, that sounds stressful. Let me unblock it now.', 'I understand. Anything else?']) {
  const result = await app.engine.reply(session.id, text);
  session = result.session;
  if (session.status === 'ended') break;
}
if (session.status !== 'ended') session = (await app.engine.end(session.id)).session;
for (let index = 0; index < total; index++) {
  const at = new Date(Date.now() - (index % 60) * 86_400_000).toISOString();
  await app.storage.sessions.save({ ...session, id: randomUUID(), userId: members[index % members.length]!.user.id, createdAt: at, updatedAt: at });
}

const isDone = (message: StoredMessage | undefined) =>
  message !== undefined &&
  (Number(message.payload['flags'] ?? 0) & (1 << 7)) === 0 &&
  ((typeof message.payload['content'] === 'string' && message.payload['content'] !== '') || (message.payload['embeds'] as unknown[]).length > 0);
async function measure(send: () => FakeInteraction): Promise<{ total: number; ack: number; answer: StoredMessage }> {
  const start = performance.now();
  const interaction = send();
  const answer = await fake.waitFor(() => {
    const original = fake.original(interaction);
    return isDone(original) ? original : fake.followups(interaction)[0];
  }, 20_000);
  return { total: performance.now() - start, ack: (interaction.acknowledgedAt ?? Date.now()) - interaction.dispatchedAt, answer };
}

const results = new Map<string, { total: number[]; ack: number[] }>();
const record = (name: string, result: { total: number; ack: number }) => {
  const entry = results.get(name) ?? { total: [], ack: [] };
  entry.total.push(result.total);
  entry.ack.push(result.ack);
  results.set(name, entry);
};

for (let round = 0; round < repeats; round++) {
  const list = await measure(() => fake.slash(manager, 'transcripts'));
  record('/transcripts (list, page 1)', list);
  const id =
    ((list.answer.payload['components'] as Array<{ components: Array<{ options?: Array<{ value: string }> }> }>)[0]?.components[0]?.options ?? [])[0]?.value ??
    '';
  record('open a transcript (select)', await measure(() => fake.select(manager, list.answer, 'review-open', [id])));
  record('export HTML (button)', await measure(() => fake.click(manager, list.answer, `review-export:html:${id}`)));
  record('/progress with chart', await measure(() => fake.slash(first, 'progress')));
  record(`/team-report (${total} sessions)`, await measure(() => fake.slash(manager, 'team-report', { options: { since: '90' } })));
  record('/calibration', await measure(() => fake.slash(manager, 'calibration')));
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;
console.log(`store: ${total} sessions over ${members.length} members`);
for (const [name, { total: times, ack }] of results) {
  console.log(
    `${name.padEnd(34)} n=${String(times.length).padStart(3)}  p50 ${pct(times, 0.5).toFixed(1)} ms  p95 ${pct(times, 0.95).toFixed(1)} ms  ack max ${Math.max(...ack).toFixed(0)} ms`,
  );
}

await bot.stop();
await app.close();
await fake.close();
await rm(dir, { recursive: true, force: true });
