import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import { engineMessage } from '../../src/engine/engine-messages.js';
import { MAX_REPLY_CHARS } from '../../src/engine/engine-types.js';
import { expectedRefusal as expectedEngineRefusal } from '../support/hostile/expected-refusal.js';
import type { FakeChannel, FakeMember, StoredMessage } from '../support/fake-discord/index.js';
import { hostileCorpus, sampleCorpus, type HostileCase } from '../support/hostile/hostile-corpus.js';
import {
  botMessages,
  contentOf,
  customIdsOf,
  embedsOf,
  expectNothingPinged,
  startHarness,
  waitForAnswer,
  type BotHarness,
  type Embed,
} from '../discord/bot-harness.js';

/**
 * Hostile trainee messages through the real bot (discord.js client, routers, engine, offline grader,
 * SQLite store) against the fake Discord: several trainees at once, each answering in their own
 * thread and starting a new practice whenever a session ends.
 */

const TRAINEES = 6;
const PERSONAS = ['frustrated', 'impatient-caller', 'drifting-client', 'unusual-request'];
const sample = sampleCorpus(hostileCorpus(), { injection: 60, markdown_links: 36 }, 19);

/** What the engine answers instead of grading (its own checks, mirrored). */
function expectedRefusal(item: HostileCase): string | null {
  const code = expectedEngineRefusal(item.reply);
  if (code === 'reply_too_long') {
    // eslint-disable-next-line no-control-regex -- the control characters the engine strips before counting
    const got = item.reply.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim().length;
    return engineMessage(code, item.lang, { max: MAX_REPLY_CHARS, got });
  }
  return code === null ? null : engineMessage(code, item.lang);
}

interface Answer {
  item: HostileCase;
  kind: 'feedback' | 'refusal' | 'other' | 'none';
  /** what the bot posted after the message, for the failure report */
  seen: string[];
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe('hostile trainee messages through the bot', () => {
  let h: BotHarness;
  const answers: Answer[] = [];
  let practices = 0;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    // flooding is the rate limiter's business (tested with it); here every message must reach the engine
    h = await startHarness({ env: { RATE_LIMIT_REPLIES_PER_MINUTE: '0', RATE_LIMIT_COMMANDS_PER_MINUTE: '0', DISCORD_REST_GLOBAL_RPS: '1000' } });
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await h.close();
  });

  const feedbackTitles = [uiText('de').practice.feedbackTitle, uiText('en').practice.feedbackTitle];
  const isFeedback = (message: StoredMessage) => embedsOf(message).some((embed) => feedbackTitles.some((title) => embed.title?.startsWith(title)));

  async function openPractice(member: FakeMember, item: HostileCase): Promise<FakeChannel> {
    const persona = PERSONAS[practices++ % PERSONAS.length]!;
    // startPractice() takes the newest thread, which may be another trainee's when several start at
    // once; the bot's answer links the member's own thread
    const interaction = h.fake.slash(member, 'practice', { sub: 'start', options: { persona, language: item.lang } });
    const reply = await waitForAnswer(h.fake, interaction);
    const id = /<#(\d+)>/.exec(contentOf(reply))?.[1];
    const thread = id ? h.fake.channel(id) : undefined;
    if (!thread) throw new Error(`no thread for ${member.user.username}: ${contentOf(reply)}`);
    // the brief, then the customer's first line
    await h.fake.waitFor(() => botMessages(h.fake, thread.id).length >= 2 || undefined);
    return thread;
  }

  const lastFeedback = new Map<number, StoredMessage>();
  let summaries = 0;

  /** Ends the trainee's open session with its End button, so the summary quotes the hostile replies back. */
  async function endOpenSession(index: number, member: FakeMember): Promise<void> {
    const feedback = lastFeedback.get(index);
    if (!feedback) return;
    const session = await h.app.storage.sessions.findByChannel(feedback.channelId);
    const end = customIdsOf(feedback).find((id) => id.startsWith('practice:end:'));
    if (session?.status !== 'active' || !end) return;
    const before = botMessages(h.fake, feedback.channelId).length;
    h.fake.click(member, feedback, end);
    await h.fake.waitFor(() =>
      botMessages(h.fake, feedback.channelId)
        .slice(before)
        .find((message) => embedsOf(message).some((embed) => summaryTitles.some((title) => embed.title?.startsWith(title)))),
    );
    summaries += 1;
  }

  const summaryTitles = [uiText('de').summary.title(''), uiText('en').summary.title('')];

  /** One trainee's queue: each message waits for its answer; a new practice when the session is over or in the other language. */
  async function runTrainee(index: number, items: HostileCase[]): Promise<void> {
    const member = h.fake.member(h.guild, { username: `trainee-${index}` });
    let thread: FakeChannel | undefined;
    let lang: string | undefined;
    for (const item of items) {
      const session = thread ? await h.app.storage.sessions.findByChannel(thread.id) : undefined;
      if (!thread || !session || session.status !== 'active' || lang !== item.lang) {
        await endOpenSession(index, member);
        thread = await openPractice(member, item);
        lang = item.lang;
      }
      const before = botMessages(h.fake, thread.id).length;
      const refusal = expectedRefusal(item);
      h.fake.say(member, thread.id, item.reply);
      const channelId = thread.id;
      const message = await h.fake
        .waitFor(() => {
          const fresh = botMessages(h.fake, channelId).slice(before);
          return fresh.find((candidate) => isFeedback(candidate) || (refusal !== null && contentOf(candidate) === refusal));
        }, 10_000)
        .catch(() => undefined);
      const last = botMessages(h.fake, channelId).slice(before);
      if (message && isFeedback(message)) lastFeedback.set(index, message);
      answers.push({
        item,
        kind: !message ? 'none' : isFeedback(message) ? 'feedback' : contentOf(message) === refusal ? 'refusal' : 'other',
        seen: last.map((m) => contentOf(m).slice(0, 100) || `[embed] ${embedsOf(m)[0]?.title ?? ''}`),
      });
    }
    await endOpenSession(index, member);
  }

  it(`answers each of ${sample.length} hostile messages with feedback or a clear refusal`, { timeout: 120_000 }, async () => {
    const queues: HostileCase[][] = Array.from({ length: TRAINEES }, () => []);
    sample.forEach((item, index) => queues[index % TRAINEES]!.push(item));
    await Promise.all(queues.map((items, index) => runTrainee(index, items)));

    expect(answers).toHaveLength(sample.length);
    const wrong = answers.filter((answer) => (expectedRefusal(answer.item) === null ? answer.kind !== 'feedback' : answer.kind !== 'refusal'));
    expect(
      wrong.map((answer) => `${answer.item.id}: ${answer.kind} ${JSON.stringify(answer.item.reply.slice(0, 60))} → ${JSON.stringify(answer.seen)}`),
    ).toEqual([]);
    expect(answers.filter((answer) => answer.kind === 'refusal').length).toBeGreaterThan(5);
    expect(practices).toBeGreaterThan(TRAINEES);
    // sessions switched by language or left open were ended by hand: their summaries quote hostile replies
    expect(summaries).toBeGreaterThanOrEqual(TRAINEES);
    expect(unhandled).toEqual([]);
  });

  it('pinged no one: allowed_mentions is empty on every message the bot sent or edited', () => {
    expect(h.fake.outgoingMessages().length).toBeGreaterThan(sample.length);
    expectNothingPinged(h.fake);
  });

  it('echoed no live mention and no working masked link in anything it posted', () => {
    // the bot links its own threads (<#id>); only mentions a trainee typed must never come back live
    const traineeMentions = [...new Set(sample.flatMap((item) => item.reply.match(/<@[!&]?\d+>|<#\d+>|<\/[^>:]+:\d+>/g) ?? []))];
    expect(traineeMentions.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const { path, body } of h.fake.outgoingMessages()) {
      for (const text of textsOf(body)) {
        if (/@(everyone|here)/i.test(text)) problems.push(`${path}: @everyone/@here in ${JSON.stringify(text.slice(0, 80))}`);
        const echoed = traineeMentions.find((mention) => text.includes(mention));
        if (echoed) problems.push(`${path}: ${echoed} in ${JSON.stringify(text.slice(0, 80))}`);
        if (rendersMaskedLink(text)) problems.push(`${path}: masked link in ${JSON.stringify(text.slice(0, 120))}`);
      }
    }
    expect(problems).toEqual([]);
    // the summaries did quote trainee replies back (best and weakest), so the check above saw them
    const quoteNames = [uiText('de').summary.best, uiText('en').summary.best, uiText('de').summary.weakest, uiText('en').summary.weakest];
    const quoted = h.fake
      .outgoingMessages()
      .flatMap(({ body }) => (body['embeds'] as Embed[] | undefined) ?? [])
      .flatMap((embed) => embed.fields ?? [])
      .filter((field) => quoteNames.some((name) => field.name.startsWith(name)));
    expect(quoted.length).toBeGreaterThanOrEqual(TRAINEES);
  });

  it("kept every message within Discord's limits", () => {
    const problems: string[] = [];
    for (const { path, body } of h.fake.outgoingMessages()) {
      const content = typeof body['content'] === 'string' ? body['content'] : '';
      if (content.length > 2000) problems.push(`${path}: content ${content.length}`);
      const embeds = (body['embeds'] as Embed[] | undefined) ?? [];
      if (embeds.length > 10) problems.push(`${path}: ${embeds.length} embeds`);
      let total = 0;
      for (const embed of embeds) {
        total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
        if ((embed.title?.length ?? 0) > 256) problems.push(`${path}: title ${embed.title?.length}`);
        if ((embed.description?.length ?? 0) > 4096) problems.push(`${path}: description ${embed.description?.length}`);
        if ((embed.fields?.length ?? 0) > 25) problems.push(`${path}: ${embed.fields?.length} fields`);
        for (const field of embed.fields ?? []) {
          total += field.name.length + field.value.length;
          if (field.name.length > 256 || field.name.trim() === '') problems.push(`${path}: field name ${field.name.length}`);
          if (field.value.length > 1024 || field.value.trim() === '') problems.push(`${path}: field value ${field.value.length}`);
        }
      }
      if (total > 6000) problems.push(`${path}: embeds total ${total}`);
    }
    expect(problems).toEqual([]);
  });
});

/** Discord would render a masked link: an unescaped `[` whose label closes with `](` (an escaped backslash escapes nothing). */
function rendersMaskedLink(text: string): boolean {
  return /(?<!\\)\[[^\]]*\]\s*\(/.test(text.replace(/\\\\/g, ''));
}

/** Every text of a message body a member would read: content and each embed part. */
function textsOf(body: Record<string, unknown>): string[] {
  const texts: string[] = [];
  if (typeof body['content'] === 'string') texts.push(body['content']);
  for (const embed of (body['embeds'] as Embed[] | undefined) ?? []) {
    if (embed.title) texts.push(embed.title);
    if (embed.description) texts.push(embed.description);
    if (embed.footer) texts.push(embed.footer.text);
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  return texts;
}
