import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import { buttons } from '../../src/discord/buttons/index.js';
import { commands } from '../../src/discord/commands/index.js';
import { GuildConfigSchema } from '../../src/discord/guild-config.js';
import { saveGuildConfig } from '../../src/discord/permissions.js';
import { reviewModals, reviewSelects } from '../../src/discord/review/review-handlers.js';
import { reviewText } from '../../src/discord/review/review-text.js';
import { startBot, type RunningBot } from '../../src/discord/start-bot.js';
import { uiText } from '../../src/discord/ui-text.js';
import {
  ALL_PERMISSIONS,
  createFakeDiscord,
  type FakeChannel,
  type FakeDiscord,
  type FakeGuild,
  type FakeInteraction,
  type FakeMember,
  type StoredMessage,
} from '../support/fake-discord/index.js';
import { botMessages, contentOf, customIdsOf, embedsOf, trackHandled, waitForAnswer, waitForEmbeds, type HandledInputs } from '../discord/bot-harness.js';

/**
 * Every slash command, subcommand, button, select and modal, tried by each kind of member:
 *
 * - trainee: no role; trainer: the trainer role; manager: the manager role; admin: Manage Server —
 *   all in server A, where Olivia (another trainee) practised;
 * - outsider: an admin of server B, who reuses and forges server A's ids.
 *
 * Each row names what it does and, per member, `allow` (works, and may show Olivia's data: team
 * review), `own` (works, and shows nothing of Olivia's) or `deny` (an ephemeral refusal that shows
 * nothing of Olivia's). A command, subcommand or component prefix without a row fails the test.
 */

const ROLES = ['trainee', 'trainer', 'manager', 'admin', 'outsider'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'allow' | 'own' | 'deny';

const en = uiText('en');
const review = reviewText('en');

const SECRET_SOLO = 'Olivia-solo-7731: I am sorry, my own mother had the same trouble with her card.';
const SECRET_ENDED = 'Olivia-ended-4410: I understand, let me unblock your card right away.';
const SECRET_GROUP = 'Olivia-group-9925: I am so sorry, that sounds stressful; I will check it now.';

interface Practice {
  thread: FakeChannel;
  /** the feedback message with Hint, Retry and End */
  feedback: StoredMessage;
  sessionId: string;
}

interface Place {
  guild: FakeGuild;
  /** where commands are run */
  channel: FakeChannel;
  /** one channel per group subcommand: a channel holds one group at a time */
  groupChannel: FakeChannel;
}

interface World {
  fake: FakeDiscord;
  app: App;
  bot: RunningBot;
  /** what the bot is done with */
  handled: HandledInputs;
  guildA: FakeGuild;
  trainerRoleId: string;
  managerRoleId: string;
  olivia: FakeMember;
  members: Record<Role, FakeMember>;
  place: Record<Role, Place>;
  /** per member: a practice for the buttons, one for the slash subcommands */
  buttonsPractice: Record<Role, Practice>;
  slashPractice: Record<Role, Practice>;
  oliviaActive: Practice;
  oliviaEnded: Practice;
  oliviaEndedLine: number;
  group1: { id: string; card: StoredMessage };
  group2: { id: string; card: StoredMessage };
  /** the correction form an admin opened on Olivia's ended session (others submit it, forged) */
  modalOpener: FakeInteraction;
  /** Olivia's content notice, not yet answered: her thread has no session */
  oliviaNotice: StoredMessage;
  /** content notices with Start / Cancel, per member (row `practice start` fills it) */
  notice: Partial<Record<Role, StoredMessage>>;
  /** the /privacy delete confirmation, per member */
  privacyPrompt: Partial<Record<Role, StoredMessage>>;
  /** strings of Olivia's that only the team (and she) may see */
  secrets: string[];
}

interface Row {
  name: string;
  /** `command:<name>[ <sub>]`, `button:<prefix>`, `select:<prefix>`, `modal:<prefix>` */
  covers: string;
  expect: Outcome | Record<Role, Outcome>;
  run(w: World, role: Role): FakeInteraction;
  /** what working means for this row beyond an answer that is not a refusal (and for deferred updates, which answer nothing) */
  works?(w: World, role: Role, interaction: FakeInteraction): Promise<void>;
}

const team = (trainee: Outcome, outsider: Outcome, manager: Outcome = 'allow', trainer: Outcome = 'allow'): Record<Role, Outcome> => ({
  trainee,
  trainer,
  manager,
  admin: 'allow',
  outsider,
});

// ---------------------------------------------------------------- helpers the rows use

function slash(
  w: World,
  role: Role,
  command: string,
  options: { sub?: string; options?: Record<string, string | number | boolean | { type: 'user'; id: string }>; channelId?: string } = {},
) {
  return w.fake.slash(w.members[role], command, { channelId: w.place[role].channel.id, ...options });
}

/** A click with `customId` on the member's own feedback message: a reused or forged id. */
function forged(w: World, role: Role, customId: string): FakeInteraction {
  return w.fake.click(w.members[role], w.buttonsPractice[role].feedback, customId);
}

/** Olivia's own feedback message (her thread is public) for server-A members; server B reuses the id. */
function onOlivias(w: World, role: Role, customId: string): FakeInteraction {
  if (role === 'outsider') return forged(w, role, customId);
  return w.fake.click(w.members[role], w.oliviaActive.feedback, customId);
}

function select(w: World, role: Role, customId: string, values: string[]): FakeInteraction {
  return w.fake.select(w.members[role], w.buttonsPractice[role].feedback, customId, values);
}

// ---------------------------------------------------------------- the table

const rows: Row[] = [
  // /practice
  {
    name: '/practice start with a persona behind a content notice',
    covers: 'command:practice start',
    expect: 'own',
    run: (w, role) => slash(w, role, 'practice', { sub: 'start', options: { persona: 'insulting', language: 'en' } }),
    async works(w, role, interaction) {
      const answer = await waitForAnswer(w.fake, interaction);
      const threadId = /<#(\d+)>/.exec(contentOf(answer))?.[1];
      expect(threadId, contentOf(answer)).toBeDefined();
      w.notice[role] = await w.fake.waitFor(() => botMessages(w.fake, threadId!).find((m) => customIdsOf(m).some((id) => id.startsWith('practice-start:go:'))));
    },
  },
  {
    name: '/practice pause in their own thread',
    covers: 'command:practice pause',
    expect: 'own',
    run: (w, role) => slash(w, role, 'practice', { sub: 'pause', channelId: w.slashPractice[role].thread.id }),
  },
  {
    name: '/practice resume in their own thread',
    covers: 'command:practice resume',
    expect: 'own',
    run: (w, role) => slash(w, role, 'practice', { sub: 'resume', channelId: w.slashPractice[role].thread.id }),
  },
  {
    name: '/practice end in their own thread',
    covers: 'command:practice end',
    expect: 'own',
    run: (w, role) => slash(w, role, 'practice', { sub: 'end', channelId: w.slashPractice[role].thread.id }),
  },
  ...(['pause', 'resume', 'end'] as const).map((sub): Row => ({
    name: `/practice ${sub} in Olivia's thread`,
    covers: `command:practice ${sub}`,
    expect: 'deny',
    run: (w, role) => slash(w, role, 'practice', { sub, channelId: w.oliviaActive.thread.id }),
  })),
  { name: '/personas', covers: 'command:personas', expect: 'own', run: (w, role) => slash(w, role, 'personas') },
  { name: '/progress', covers: 'command:progress', expect: 'own', run: (w, role) => slash(w, role, 'progress') },

  // /session: start, end, scenario, end, relay, end — each in the member's own group channel
  ...(['start', 'scenario', 'relay'] as const).flatMap((sub): Row[] => [
    {
      name: `/session ${sub}`,
      covers: `command:session ${sub}`,
      expect: team('deny', 'allow'),
      run: (w, role) => slash(w, role, 'session', { sub, options: { persona: 'frustrated', language: 'en' }, channelId: w.place[role].groupChannel.id }),
    },
    {
      name: `/session end after ${sub}`,
      covers: 'command:session end',
      expect: team('deny', 'allow'),
      run: (w, role) => slash(w, role, 'session', { sub: 'end', channelId: w.place[role].groupChannel.id }),
    },
  ]),

  // /config: Manage Server only
  {
    name: '/config show',
    covers: 'command:config show',
    expect: { trainee: 'deny', trainer: 'deny', manager: 'deny', admin: 'own', outsider: 'own' },
    run: (w, role) => slash(w, role, 'config', { sub: 'show' }),
  },
  {
    name: '/config set language:en',
    covers: 'command:config set',
    expect: { trainee: 'deny', trainer: 'deny', manager: 'deny', admin: 'own', outsider: 'own' },
    run: (w, role) => slash(w, role, 'config', { sub: 'set', options: { language: 'en' } }),
  },

  // /transcripts
  { name: '/transcripts', covers: 'command:transcripts', expect: team('own', 'own'), run: (w, role) => slash(w, role, 'transcripts') },
  {
    name: '/transcripts member:Olivia',
    covers: 'command:transcripts',
    expect: team('deny', 'own'),
    run: (w, role) => slash(w, role, 'transcripts', { options: { member: { type: 'user', id: w.olivia.user.id } } }),
  },
  {
    name: "/transcripts session:<Olivia's session id>",
    covers: 'command:transcripts',
    expect: team('deny', 'deny'),
    run: (w, role) => slash(w, role, 'transcripts', { options: { session: w.oliviaEnded.sessionId } }),
    works: async (w, _role, interaction) => {
      expect(JSON.stringify((await waitForAnswer(w.fake, interaction)).payload)).toContain('Olivia-ended-4410');
    },
  },
  {
    name: "/transcripts session:<server A's group id>",
    covers: 'command:transcripts',
    expect: team('own', 'own'),
    run: (w, role) => slash(w, role, 'transcripts', { options: { session: w.group1.id } }),
  },
  { name: '/team-report', covers: 'command:team-report', expect: team('deny', 'own', 'allow', 'deny'), run: (w, role) => slash(w, role, 'team-report') },
  { name: '/calibration', covers: 'command:calibration', expect: team('deny', 'own'), run: (w, role) => slash(w, role, 'calibration') },
  { name: '/privacy show', covers: 'command:privacy show', expect: 'own', run: (w, role) => slash(w, role, 'privacy', { sub: 'show' }) },
  {
    name: '/privacy delete (asks first)',
    covers: 'command:privacy delete',
    expect: 'own',
    run: (w, role) => slash(w, role, 'privacy', { sub: 'delete' }),
    async works(w, role, interaction) {
      const prompt = await waitForAnswer(w.fake, interaction);
      expect(customIdsOf(prompt)).toContain(`privacy:delete:${w.members[role].user.id}`);
      w.privacyPrompt[role] = prompt;
    },
  },

  // practice buttons
  {
    name: 'Hint on their own session',
    covers: 'button:practice',
    expect: 'own',
    run: (w, role) => forged(w, role, `practice:hint:${w.buttonsPractice[role].sessionId}`),
    async works(w, _role, interaction) {
      expect(embedsOf(await waitForAnswer(w.fake, interaction))[0]?.title).toBe(en.practice.hintTitle);
    },
  },
  {
    name: 'Retry on their own session',
    covers: 'button:practice',
    expect: 'own',
    run: (w, role) =>
      w.fake.click(
        w.members[role],
        w.buttonsPractice[role].feedback,
        customIdsOf(w.buttonsPractice[role].feedback).find((id) => id.startsWith('practice:retry:'))!,
      ),
    async works(w, _role, interaction) {
      expect(contentOf(await w.fake.waitFor(() => w.fake.followups(interaction)[0]))).toContain(en.practice.retryIntro);
    },
  },
  {
    name: 'End on their own session',
    covers: 'button:practice',
    expect: 'own',
    run: (w, role) => forged(w, role, `practice:end:${w.buttonsPractice[role].sessionId}`),
    async works(w, role) {
      await expectEventually(async () => (await w.app.storage.sessions.get(w.buttonsPractice[role].sessionId))?.status === 'ended');
    },
  },
  ...(['hint', 'retry', 'end'] as const).map((action): Row => ({
    name: `${action} on Olivia's session (her button; the outsider reuses its id)`,
    covers: 'button:practice',
    expect: 'deny',
    run: (w, role) =>
      onOlivias(
        w,
        role,
        customIdsOf(w.oliviaActive.feedback).find((id) => id.startsWith(`practice:${action}:`))!,
      ),
  })),
  {
    name: 'Hint with an unknown session id',
    covers: 'button:practice',
    expect: 'deny',
    run: (w, role) => forged(w, role, 'practice:hint:00000000-0000-4000-8000-000000000000'),
  },
  {
    name: "Start under a content notice, forged with Olivia's user id",
    covers: 'button:practice-start',
    expect: 'deny',
    run: (w, role) => w.fake.click(w.members[role], w.notice[role]!, `practice-start:go:${w.olivia.user.id}:en:standard:insulting`),
  },
  {
    name: "Cancel under a content notice, forged with Olivia's user id",
    covers: 'button:practice-start',
    expect: 'deny',
    run: (w, role) => w.fake.click(w.members[role], w.notice[role]!, `practice-start:cancel:${w.olivia.user.id}:en`),
  },
  {
    name: 'Start under their own content notice',
    covers: 'button:practice-start',
    expect: 'own',
    run: (w, role) =>
      w.fake.click(
        w.members[role],
        w.notice[role]!,
        customIdsOf(w.notice[role]!).find((id) => id.startsWith('practice-start:go:'))!,
      ),
    async works(w, role) {
      await expectEventually(async () => (await w.app.storage.sessions.findByChannel(w.notice[role]!.channelId)) !== undefined);
    },
  },
  {
    name: "Start with their own user id under Olivia's content notice (taking over her thread)",
    covers: 'button:practice-start',
    expect: 'deny',
    run: (w, role) => w.fake.click(w.members[role], w.oliviaNotice, `practice-start:go:${w.members[role].user.id}:en:standard:frustrated`),
  },
  {
    name: 'Start with their own user id in their own practice thread (a session runs there already)',
    covers: 'button:practice-start',
    expect: 'deny',
    run: (w, role) => w.fake.click(w.members[role], w.slashPractice[role].feedback, `practice-start:go:${w.members[role].user.id}:en:standard:frustrated`),
  },

  // review components
  {
    name: 'list page forged with Olivia as the member filter',
    covers: 'button:review-page',
    expect: team('deny', 'own'),
    run: (w, role) => forged(w, role, `review-page:1:${w.olivia.user.id}:-:-:-`),
  },
  { name: 'list page without a filter', covers: 'button:review-page', expect: team('own', 'own'), run: (w, role) => forged(w, role, 'review-page:1:-:-:-:-') },
  {
    name: 'export their own session',
    covers: 'button:review-export',
    expect: 'own',
    run: (w, role) => forged(w, role, `review-export:html:${w.slashPractice[role].sessionId}`),
  },
  {
    name: "export Olivia's session",
    covers: 'button:review-export',
    expect: team('deny', 'deny'),
    run: (w, role) => forged(w, role, `review-export:json:${w.oliviaEnded.sessionId}`),
    async works(w, _role, interaction) {
      const answer = await waitForAnswer(w.fake, interaction);
      expect(answer.files?.map((file) => file.data.toString('utf8')).join('')).toContain('Olivia-ended-4410');
    },
  },
  {
    name: 'export an unknown session id',
    covers: 'button:review-export',
    expect: 'deny',
    run: (w, role) => forged(w, role, 'review-export:html:00000000-0000-4000-8000-000000000000'),
  },
  {
    name: "export server A's group results",
    covers: 'button:review-group-export',
    expect: team('deny', 'deny'),
    run: (w, role) => forged(w, role, `review-group-export:csv:${w.group1.id}`),
  },
  {
    name: "join server A's group (the outsider reuses the id)",
    covers: 'button:group-join',
    expect: { trainee: 'own', trainer: 'own', manager: 'own', admin: 'own', outsider: 'deny' },
    run: (w, role) =>
      role === 'outsider' ? forged(w, role, `group-join:${w.group1.id}`) : w.fake.click(w.members[role], w.group1.card, `group-join:${w.group1.id}`),
  },
  {
    name: "next line of server A's scenario group (the outsider reuses the id)",
    covers: 'button:group-next',
    expect: { trainee: 'deny', trainer: 'own', manager: 'own', admin: 'own', outsider: 'deny' },
    run: (w, role) =>
      role === 'outsider' ? forged(w, role, `group-next:${w.group2.id}`) : w.fake.click(w.members[role], w.group2.card, `group-next:${w.group2.id}`),
  },
  {
    name: 'a button with a custom id no handler knows (forged)',
    covers: 'forged:button',
    expect: 'deny',
    run: (w, role) => forged(w, role, 'admin-tools:grant:everything'),
  },
  {
    name: 'a select with a custom id no handler knows (forged)',
    covers: 'forged:select',
    expect: 'deny',
    run: (w, role) => select(w, role, 'review-everything', [w.oliviaEnded.sessionId]),
  },
  {
    name: 'privacy delete forged for Olivia',
    covers: 'button:privacy',
    expect: 'deny',
    run: (w, role) => forged(w, role, `privacy:delete:${w.olivia.user.id}`),
  },
  {
    name: 'privacy cancel forged for Olivia',
    covers: 'button:privacy',
    expect: 'deny',
    run: (w, role) => forged(w, role, `privacy:cancel:${w.olivia.user.id}`),
  },

  // selects and the modal
  {
    name: 'open their own transcript',
    covers: 'select:review-open',
    expect: 'own',
    run: (w, role) => select(w, role, 'review-open', [w.slashPractice[role].sessionId]),
  },
  {
    name: "open Olivia's transcript",
    covers: 'select:review-open',
    expect: team('deny', 'deny'),
    run: (w, role) => select(w, role, 'review-open', [w.oliviaEnded.sessionId]),
    async works(w, _role, interaction) {
      expect(JSON.stringify((await waitForAnswer(w.fake, interaction)).payload)).toContain('Olivia-ended-4410');
    },
  },
  {
    name: 'report of their own session',
    covers: 'select:review-report',
    expect: 'own',
    run: (w, role) => select(w, role, 'review-report', [w.slashPractice[role].sessionId]),
  },
  {
    name: "report of Olivia's session",
    covers: 'select:review-report',
    expect: team('deny', 'deny'),
    run: (w, role) => select(w, role, 'review-report', [w.oliviaEnded.sessionId]),
  },
  {
    name: "correct a grade of Olivia's session (opens the form)",
    covers: 'select:review-correct',
    expect: team('deny', 'deny'),
    run: (w, role) => select(w, role, `review-correct:${w.oliviaEnded.sessionId}`, [`${w.oliviaEndedLine}:1`]),
    async works(w, _role, interaction) {
      await w.fake.waitFor(() => interaction.callback?.type === 9);
    },
  },
  {
    name: "submit a correction of Olivia's session (the form submitted by whoever has its id)",
    covers: 'modal:review-override',
    expect: team('deny', 'deny'),
    run: (w, role) =>
      w.fake.submitModal(
        w.members[role],
        w.modalOpener,
        { composure: '4', empathy: '', boundary: '', reason: 'checked by hand' },
        `review-override:${w.oliviaEnded.sessionId}:${w.oliviaEndedLine}:1`,
      ),
  },

  // last: these change or delete the member's own data
  {
    name: 'privacy cancel on their own prompt',
    covers: 'button:privacy',
    expect: 'own',
    run: (w, role) => w.fake.click(w.members[role], w.privacyPrompt[role]!, `privacy:cancel:${w.members[role].user.id}`),
  },
  {
    name: 'privacy delete on their own prompt',
    covers: 'button:privacy',
    expect: 'own',
    run: (w, role) => w.fake.click(w.members[role], w.privacyPrompt[role]!, `privacy:delete:${w.members[role].user.id}`),
    async works(w, role) {
      const guildId = w.place[role].guild.id;
      await expectEventually(async () => (await w.app.storage.sessions.listByUser(guildId, w.members[role].user.id)).length === 0);
    },
  },
];

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------- judging one cell

const LOADING = 1 << 7;

/** The member's answer: the (edited) deferred or direct reply, else the first follow-up; a modal counts too. */
async function answerOf(fake: FakeDiscord, interaction: FakeInteraction): Promise<{ message?: StoredMessage; modal?: boolean }> {
  return fake.waitFor(() => {
    const callback = interaction.callback;
    if (!callback) return undefined;
    if (callback.type === 9) return { modal: true };
    const followup = fake.followups(interaction)[0];
    if (callback.type === 4 || callback.type === 5) {
      const original = fake.original(interaction);
      if (original && (Number(original.payload['flags'] ?? 0) & LOADING) === 0) return { message: original };
      return followup ? { message: followup } : undefined;
    }
    if (callback.type === 7) return { message: fake.original(interaction)! };
    return followup ? { message: followup } : undefined;
  });
}

function refusalsFor(w: World): string[] {
  const roleIds = [w.trainerRoleId, w.managerRoleId, null];
  return [
    en.errors.notYourSession,
    en.errors.unknownAction,
    en.errors.noSessionHere,
    en.errors.needsManageGuild,
    review.notYourButton,
    review.needsCalibrator,
    ...roleIds.flatMap((id) => [en.errors.needsRole('trainer', id), en.errors.needsRole('manager', id)]),
  ];
}

/** Everything the bot sent to Discord since request `from`: bodies and attached files. */
function sentSince(fake: FakeDiscord, from: number): string {
  return fake.requests
    .slice(from)
    .map((request) => JSON.stringify(request.body ?? '') + request.files.map((file) => file.data.toString('utf8')).join(''))
    .join('\n');
}

async function judge(w: World, row: Row, role: Role): Promise<void> {
  const outcome = typeof row.expect === 'string' ? row.expect : row.expect[role];
  const from = w.fake.requests.length;
  const interaction = row.run(w, role);
  const where = `${row.name} — ${role}`;
  if (outcome === 'deny') {
    const { message, modal } = await answerOf(w.fake, interaction);
    expect(modal, `${where}: opened a form`).toBeUndefined();
    expect(message?.ephemeral, `${where}: refusal is ephemeral`).toBe(true);
    expect(refusalsFor(w), `${where}: a clear refusal`).toContain(contentOf(message!));
    expect(message?.files ?? [], `${where}: no files`).toEqual([]);
  } else if (row.works) {
    await row.works(w, role, interaction);
  } else {
    const { message, modal } = await answerOf(w.fake, interaction);
    if (!modal) {
      const content = contentOf(message!);
      expect(refusalsFor(w), `${where}: refused`).not.toContain(content);
      expect(content, `${where}: failed`).not.toMatch(/Something went wrong|Too many requests/);
    }
  }
  if (outcome !== 'allow') {
    // Once the bot is done with the interaction, it has sent all it would for it: look at all of that.
    await w.handled.interaction(interaction);
    const sent = sentSince(w.fake, from);
    for (const secret of w.secrets) expect(sent.includes(secret), `${where}: leaked ${secret}`).toBe(false);
  }
}

// ---------------------------------------------------------------- the world

async function practise(fake: FakeDiscord, member: FakeMember, channel: FakeChannel, reply: string, app: App): Promise<Practice> {
  const before = fake.threads().length;
  const started = fake.slash(member, 'practice', { sub: 'start', options: { persona: 'frustrated', language: 'en' }, channelId: channel.id });
  await waitForAnswer(fake, started);
  const thread = fake.threads()[before];
  if (!thread) throw new Error('no practice thread');
  await fake.waitFor(() => botMessages(fake, thread.id)[1]);
  fake.say(member, thread.id, reply);
  const [feedback] = await waitForEmbeds(fake, thread.id, en.practice.feedbackTitle, 1);
  const session = await app.storage.sessions.findByChannel(thread.id);
  return { thread, feedback: feedback!, sessionId: session!.id };
}

async function startGroup(fake: FakeDiscord, admin: FakeMember, channel: FakeChannel, sub: 'start' | 'scenario'): Promise<{ id: string; card: StoredMessage }> {
  await waitForAnswer(fake, fake.slash(admin, 'session', { sub, options: { persona: 'frustrated', language: 'en' }, channelId: channel.id }));
  const card = await fake.waitFor(() => botMessages(fake, channel.id).find((m) => customIdsOf(m).some((id) => id.startsWith('group-join:'))));
  return {
    id: customIdsOf(card)
      .find((id) => id.startsWith('group-join:'))!
      .split(':')[1]!,
    card,
  };
}

describe('permission matrix: every command and component, by every kind of member', () => {
  let w: World;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-matrix-'));
    const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
    const fake = await createFakeDiscord();
    const guildA = fake.guild({ name: 'Bank A', channels: ['practice', 'g1', 'g2', 'g-trainee', 'g-trainer', 'g-manager', 'g-admin'] });
    const guildB = fake.guild({ name: 'Bank B', channels: ['practice-b', 'g-b'] });
    const trainerRoleId = fake.role(guildA, 'Trainer');
    const managerRoleId = fake.role(guildA, 'Manager');
    const members: Record<Role, FakeMember> = {
      trainee: fake.member(guildA, { username: 'trainee' }),
      trainer: fake.member(guildA, { username: 'trainer', roles: [trainerRoleId] }),
      manager: fake.member(guildA, { username: 'manager', roles: [managerRoleId] }),
      admin: fake.member(guildA, { username: 'admin', permissions: ALL_PERMISSIONS }),
      outsider: fake.member(guildB, { username: 'outsider', permissions: ALL_PERMISSIONS }),
    };
    const olivia = fake.member(guildA, { username: 'olivia' });
    const channelA = (name: string) => guildA.channels.find((c) => c.name === name)!;
    const place = {} as Record<Role, Place>;
    for (const role of ROLES) {
      place[role] =
        role === 'outsider'
          ? { guild: guildB, channel: guildB.channels[0]!, groupChannel: guildB.channels[1]! }
          : { guild: guildA, channel: channelA('practice'), groupChannel: channelA(`g-${role}`) };
    }

    const config = loadConfig({
      DISCORD_TOKEN: 'fake-token',
      LOG_LEVEL: 'silent',
      STORE_URL: storeUrl,
      // every cell is one action; the limits have their own tests
      RATE_LIMIT_REPLIES_PER_MINUTE: '0',
      RATE_LIMIT_COMMANDS_PER_MINUTE: '0',
    });
    const log = pino({ level: 'silent' });
    const app = await createApp({ config, log, storeUrl, random: () => 0 });
    const handled = trackHandled();
    const bot = await startBot({ config, log, app, client: { restApi: fake.restApi }, onHandled: handled.record });
    // public threads: the others can see Olivia's thread and press her buttons
    await saveGuildConfig(bot.context, guildA.id, GuildConfigSchema.parse({ trainerRoleId, managerRoleId, threadVisibility: 'public', language: 'en' }));

    const oliviaActive = await practise(fake, olivia, channelA('practice'), SECRET_SOLO, app);
    const oliviaEnded = await practise(fake, olivia, channelA('practice'), SECRET_ENDED, app);
    await waitForAnswer(fake, fake.slash(olivia, 'practice', { sub: 'end', channelId: oliviaEnded.thread.id }));
    const ended = await app.storage.sessions.get(oliviaEnded.sessionId);

    const buttonsPractice = {} as Record<Role, Practice>;
    const slashPractice = {} as Record<Role, Practice>;
    for (const role of ROLES) {
      buttonsPractice[role] = await practise(fake, members[role], place[role].channel, 'I am sorry about the card. Let me check it for you right away.', app);
      slashPractice[role] = await practise(fake, members[role], place[role].channel, 'I understand how annoying that is. I will look into it now.', app);
    }

    const noticeAnswer = await waitForAnswer(
      fake,
      fake.slash(olivia, 'practice', { sub: 'start', options: { persona: 'insulting', language: 'en' }, channelId: channelA('practice').id }),
    );
    const noticeThreadId = /<#(\d+)>/.exec(contentOf(noticeAnswer))![1]!;
    const oliviaNotice = await fake.waitFor(() =>
      botMessages(fake, noticeThreadId).find((m) => customIdsOf(m).some((id) => id.startsWith('practice-start:go:'))),
    );

    const group1 = await startGroup(fake, members.admin, channelA('g1'), 'start');
    const joined = await waitForAnswer(fake, fake.click(olivia, group1.card, `group-join:${group1.id}`));
    const groupThreadId = /<#(\d+)>/.exec(contentOf(joined))![1]!;
    await fake.waitFor(() => botMessages(fake, groupThreadId).length >= 2);
    fake.say(olivia, groupThreadId, SECRET_GROUP);
    await waitForEmbeds(fake, groupThreadId, en.practice.feedbackTitle, 1);
    const groupSession = await app.storage.sessions.findByChannel(groupThreadId);
    const group2 = await startGroup(fake, members.admin, channelA('g2'), 'scenario');

    const modalOpener = fake.select(members.admin, buttonsPractice.admin.feedback, `review-correct:${oliviaEnded.sessionId}`, [
      `${ended!.exchanges[0]!.lineN}:1`,
    ]);
    await fake.waitFor(() => modalOpener.callback?.type === 9);

    w = {
      fake,
      app,
      bot,
      handled,
      guildA,
      trainerRoleId,
      managerRoleId,
      olivia,
      members,
      place,
      buttonsPractice,
      slashPractice,
      oliviaActive,
      oliviaEnded,
      oliviaEndedLine: ended!.exchanges[0]!.lineN,
      group1,
      group2,
      modalOpener,
      oliviaNotice,
      notice: {},
      privacyPrompt: {},
      secrets: ['Olivia-solo-7731', 'Olivia-ended-4410', 'Olivia-group-9925', oliviaActive.sessionId, oliviaEnded.sessionId, groupSession!.id],
    };
  }, 60_000);

  afterAll(async () => {
    await w.bot.stop();
    await w.app.close();
    await w.fake.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has a row for every slash command, subcommand and component prefix the bot registers (and none for what it does not)', () => {
    const registered = new Set<string>();
    for (const command of commands) {
      const subs = (command.data.options ?? []).filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
      if (subs.length === 0) registered.add(`command:${command.data.name}`);
      for (const sub of subs) registered.add(`command:${command.data.name} ${sub.name}`);
    }
    for (const button of buttons) registered.add(`button:${button.prefix}`);
    for (const handler of reviewSelects) registered.add(`select:${handler.prefix}`);
    for (const handler of reviewModals) registered.add(`modal:${handler.prefix}`);
    expect(new Set(rows.map((row) => row.covers).filter((covers) => !covers.startsWith('forged:')))).toEqual(registered);
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
  });

  it('gives every member exactly what their role allows, and nothing of anyone else', async () => {
    // Every cell runs; the failures are reported together, so one hole does not hide the next.
    const failures: string[] = [];
    for (const row of rows) {
      for (const role of ROLES) {
        await judge(w, row, role).catch((error: unknown) => {
          const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          failures.push(message.includes(row.name) ? message : `${row.name} — ${role}: ${message}`);
        });
      }
    }
    expect(failures).toEqual([]);
    // Olivia's data is as she left it: nobody ended, paused or deleted it.
    const active = await w.app.storage.sessions.get(w.oliviaActive.sessionId);
    expect(active?.status).toBe('active');
    expect(active?.exchanges.map((exchange) => exchange.reply)).toEqual([SECRET_SOLO]);
    expect((await w.app.storage.sessions.listByUser(w.guildA.id, w.olivia.user.id)).length).toBe(3);
  }, 120_000);
});
