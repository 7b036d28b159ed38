import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PermissionFlagsBits } from 'discord.js';
import { FakeGateway } from './gateway.js';
import {
  ChannelTypes,
  channelPayload,
  guildPayload,
  memberPayload,
  messagePayload,
  snowflake,
  type FakeChannel,
  type FakeGuild,
  type FakeMember,
  type FakeUser,
} from './payloads.js';

export type { FakeChannel, FakeGuild, FakeMember, FakeUser } from './payloads.js';

/** Every permission bit: what the bot and admins get. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
/** What an ordinary member gets. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

const EPHEMERAL = 1 << 6;
const ACK_DEADLINE_MS = 3_000;
const LOADING = 1 << 7;

export interface RecordedRequest {
  method: string;
  /** decoded path after `/api/v10` */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** files of a multipart request (attachments), as sent */
  files: FakeFile[];
  at: number;
}

/** One file the bot attached to a message. */
export interface FakeFile {
  /** the multipart field name (`files[0]`, …) */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface StoredMessage {
  payload: Record<string, unknown>;
  channelId: string;
  ephemeral: boolean;
  /** how the message came to be: a channel post, an interaction response or a follow-up */
  via: 'channel' | 'interaction' | 'followup' | 'member';
  interactionId?: string;
  /** files attached to the message (by the request that created or last edited it with files) */
  files?: FakeFile[];
}

export interface FakeInteraction {
  id: string;
  token: string;
  userId: string;
  kind: 'command' | 'button' | 'autocomplete' | 'select' | 'modal';
  /** the message a button was clicked on */
  messageId?: string;
  callback?: { type: number; data: Record<string, unknown> | undefined };
  /** when the interaction was dispatched and when the bot acknowledged it (ms since epoch) */
  dispatchedAt: number;
  acknowledgedAt?: number;
  originalId?: string;
  followupIds: string[];
}

type OptionValue = string | number | boolean | { type: 'role' | 'channel' | 'user'; id: string };

export interface SlashOptions {
  sub?: string;
  options?: Record<string, OptionValue>;
  channelId?: string;
}

export interface FakeDiscord {
  /** pass as the client's `rest.api` */
  readonly restApi: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly requests: RecordedRequest[];
  /** requests to routes the fake does not know: a test can assert none happened */
  readonly unexpected: RecordedRequest[];
  readonly gateway: FakeGateway;
  /** answer the bot's first REST call with 401, as Discord does for a wrong token */
  refuseToken: boolean;
  guild(init?: { name?: string; locale?: string; channels?: string[] }): FakeGuild;
  role(guild: FakeGuild, name: string): string;
  member(guild: FakeGuild, init?: { username?: string; permissions?: bigint; roles?: string[]; locale?: string }): FakeMember;
  textChannel(guild: FakeGuild, index?: number): FakeChannel;
  channel(id: string): FakeChannel | undefined;
  /** a public thread a member opened themselves (not the bot) under `parent` */
  memberThread(member: FakeMember, parent: FakeChannel, name?: string): FakeChannel;
  slash(member: FakeMember, command: string, options?: SlashOptions): FakeInteraction;
  autocomplete(member: FakeMember, command: string, options: SlashOptions & { focused: string }): FakeInteraction;
  click(member: FakeMember, message: StoredMessage, customId: string): FakeInteraction;
  /** picks `values` in the string select `customId` on `message` (the id may be forged: it need not be on the message) */
  select(member: FakeMember, message: StoredMessage, customId: string, values: string[]): FakeInteraction;
  /**
   * Submits the modal the bot opened in answer to `opener` (callback type 9), with these text
   * input values; `customId` replaces the modal's id (to forge one).
   */
  submitModal(member: FakeMember, opener: FakeInteraction, fields: Record<string, string>, customId?: string): FakeInteraction;
  /**
   * A member posts a message; the gateway dispatches it. `{ dispatch: false }`: it is only stored in
   * the channel, as a message posted while the bot was away that no gateway session will deliver.
   */
  say(member: FakeMember, channelId: string, content: string, options?: { dispatch?: boolean }): StoredMessage;
  message(id: string): StoredMessage | undefined;
  /** non-ephemeral messages of a channel, oldest first */
  channelMessages(channelId: string): StoredMessage[];
  /** the interaction's original response (after edits), once there is one */
  original(interaction: FakeInteraction): StoredMessage | undefined;
  followups(interaction: FakeInteraction): StoredMessage[];
  /** threads the bot created, oldest first */
  threads(): FakeChannel[];
  /** every request body that posts or edits a message, with its path */
  outgoingMessages(): Array<{ path: string; body: Record<string, unknown> }>;
  registeredCommands(guildId?: string): Array<Record<string, unknown>>;
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** the next request matching `method` and `path` fails with this Discord error (fault injection) */
  failNext(fault: { method: string; path: RegExp; status: number; code: number; message: string }): void;
  /**
   * The next request matching `method` and `path` hangs until released (fault injection: a slow
   * Discord, or a process killed while it waits). `arrived` resolves once the bot sent it.
   * `when`: only a request it accepts (e.g. by its body).
   */
  stallNext(match: { method: string; path: RegExp; when?: (request: RecordedRequest) => boolean }): StalledRequest;
  dropConnection(): void;
  close(): Promise<void>;
}

export interface StalledRequest {
  readonly arrived: Promise<RecordedRequest>;
  /** lets the request through (answered as usual); harmless when the client is gone */
  release(): void;
}

interface FakeDiscordOptions {
  /** how long an interaction may go unacknowledged before Discord forgets it; default 3000 ms as on Discord */
  ackDeadlineMs?: number;
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function createFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscordServer(options.ackDeadlineMs ?? ACK_DEADLINE_MS);
  await fake.listen();
  return fake;
}

class FakeDiscordServer implements FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUser: FakeUser = {
    id: this.applicationId,
    username: 'counterpart',
    global_name: 'Counterpart',
    discriminator: '0',
    avatar: null,
    bot: true,
  };
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: RecordedRequest[] = [];
  readonly gateway: FakeGateway;
  refuseToken = false;
  private readonly server: Server;
  private port = 0;
  private readonly guilds = new Map<string, FakeGuild>();
  private readonly channels = new Map<string, FakeChannel>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly messageOrder: string[] = [];
  private readonly interactions = new Map<string, FakeInteraction>();
  private readonly createdThreads: string[] = [];
  private readonly commands = new Map<string, Array<Record<string, unknown>>>();
  private readonly waiters = new Set<() => void>();
  private readonly faults: Array<{ method: string; path: RegExp; status: number; code: number; message: string }> = [];
  private readonly stalls: Array<{
    method: string;
    path: RegExp;
    when: (request: RecordedRequest) => boolean;
    arrive: (request: RecordedRequest) => void;
    released: Promise<void>;
    release: () => void;
  }> = [];
  private userCount = 0;

  constructor(private readonly ackDeadlineMs: number) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.gateway = new FakeGateway(this.server, {
      readyPayload: (sessionId) => this.readyPayload(sessionId),
      onFrame: () => {
        this.changed();
      },
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get restApi(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  // ---------------------------------------------------------------- world building

  guild(init: { name?: string; locale?: string; channels?: string[] } = {}): FakeGuild {
    const id = snowflake();
    const owner = this.newUser('owner');
    const guild: FakeGuild = {
      id,
      name: init.name ?? 'Practice Bank',
      ownerId: owner.id,
      channels: [],
      members: [],
      roles: [{ id, name: '@everyone', permissions: MEMBER_PERMISSIONS.toString() }],
      locale: init.locale ?? 'en-US',
    };
    for (const name of init.channels ?? ['general']) {
      const channel: FakeChannel = { id: snowflake(), type: ChannelTypes.GuildText, guild_id: id, name, parent_id: null };
      guild.channels.push(channel);
      this.channels.set(channel.id, channel);
    }
    this.guilds.set(id, guild);
    if (this.gateway.connected) this.gateway.dispatch('GUILD_CREATE', guildPayload(guild, this.botMember(guild)));
    return guild;
  }

  role(guild: FakeGuild, name: string): string {
    const id = snowflake();
    guild.roles.push({ id, name, permissions: '0' });
    if (this.gateway.connected) {
      const role = guildPayload(guild, this.botMember(guild))['roles'] as Array<Record<string, unknown>>;
      this.gateway.dispatch('GUILD_ROLE_CREATE', { guild_id: guild.id, role: role.at(-1) });
    }
    return id;
  }

  member(guild: FakeGuild, init: { username?: string; permissions?: bigint; roles?: string[]; locale?: string } = {}): FakeMember {
    const member: FakeMember = {
      user: this.newUser(init.username ?? 'member'),
      guildId: guild.id,
      roles: init.roles ?? [],
      permissions: init.permissions ?? MEMBER_PERMISSIONS,
      locale: init.locale ?? 'en-US',
    };
    guild.members.push(member);
    return member;
  }

  textChannel(guild: FakeGuild, index = 0): FakeChannel {
    const channels = guild.channels.filter((c) => c.type === ChannelTypes.GuildText);
    const channel = channels[index];
    if (!channel) throw new Error(`guild ${guild.name} has no text channel #${index}`);
    return channel;
  }

  channel(id: string): FakeChannel | undefined {
    return this.channels.get(id);
  }

  memberThread(member: FakeMember, parent: FakeChannel, name = 'lunch plans'): FakeChannel {
    const thread: FakeChannel = {
      id: snowflake(),
      type: ChannelTypes.PublicThread,
      guild_id: parent.guild_id,
      name,
      parent_id: parent.id,
      owner_id: member.user.id,
      thread_metadata: { archived: false, auto_archive_duration: 4320, archive_timestamp: new Date().toISOString(), locked: false },
      member_count: 1,
      message_count: 0,
      memberIds: [member.user.id],
    };
    this.channels.set(thread.id, thread);
    this.guilds.get(parent.guild_id)?.channels.push(thread);
    this.gateway.dispatch('THREAD_CREATE', { ...channelPayload(thread), newly_created: true });
    return thread;
  }

  // ---------------------------------------------------------------- what members do

  slash(member: FakeMember, command: string, options: SlashOptions = {}): FakeInteraction {
    return this.commandInteraction(2, member, command, options, undefined);
  }

  autocomplete(member: FakeMember, command: string, options: SlashOptions & { focused: string }): FakeInteraction {
    return this.commandInteraction(4, member, command, options, options.focused);
  }

  click(member: FakeMember, message: StoredMessage, customId: string): FakeInteraction {
    const channel = this.requireChannel(message.channelId);
    const interaction = this.newInteraction(member, 'button');
    interaction.messageId = String(message.payload['id']);
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(interaction, member, channel),
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: message.payload,
    });
    return interaction;
  }

  select(member: FakeMember, message: StoredMessage, customId: string, values: string[]): FakeInteraction {
    const channel = this.requireChannel(message.channelId);
    const interaction = this.newInteraction(member, 'select');
    interaction.messageId = String(message.payload['id']);
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(interaction, member, channel),
      type: 3,
      data: { custom_id: customId, component_type: 3, values },
      message: message.payload,
    });
    return interaction;
  }

  submitModal(member: FakeMember, opener: FakeInteraction, fields: Record<string, string>, customId?: string): FakeInteraction {
    if (opener.callback?.type !== 9) throw new Error('fake-discord: the bot did not answer that interaction with a modal');
    const modalId = opener.callback.data?.['custom_id'];
    const id = customId ?? (typeof modalId === 'string' ? modalId : '');
    const opened = opener.messageId ? this.messages.get(opener.messageId) : undefined;
    const channel = this.requireChannel(opened?.channelId ?? this.interactionChannel.get(opener.id) ?? '');
    const interaction = this.newInteraction(member, 'modal');
    if (opener.messageId) interaction.messageId = opener.messageId;
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(interaction, member, channel),
      type: 5,
      data: {
        custom_id: id,
        components: Object.entries(fields).map(([field, value]) => ({ type: 1, components: [{ type: 4, custom_id: field, value }] })),
      },
      ...(opened ? { message: opened.payload } : {}),
    });
    return interaction;
  }

  say(member: FakeMember, channelId: string, content: string, options: { dispatch?: boolean } = {}): StoredMessage {
    const channel = this.requireChannel(channelId);
    const payload = messagePayload({ channel, author: member.user, content });
    const stored = this.store({ payload, channelId, ephemeral: false, via: 'member' });
    if (options.dispatch === false) return stored;
    this.gateway.dispatch('MESSAGE_CREATE', { ...payload, guild_id: channel.guild_id, member: memberPayload(member, false) });
    return stored;
  }

  // ---------------------------------------------------------------- what tests read

  message(id: string): StoredMessage | undefined {
    return this.messages.get(id);
  }

  channelMessages(channelId: string): StoredMessage[] {
    return this.messageOrder.map((id) => this.messages.get(id)).filter((m): m is StoredMessage => m !== undefined && m.channelId === channelId && !m.ephemeral);
  }

  original(interaction: FakeInteraction): StoredMessage | undefined {
    const current = this.interactions.get(interaction.id);
    return current?.originalId ? this.messages.get(current.originalId) : undefined;
  }

  followups(interaction: FakeInteraction): StoredMessage[] {
    const current = this.interactions.get(interaction.id);
    return (current?.followupIds ?? []).map((id) => this.messages.get(id)).filter((m): m is StoredMessage => m !== undefined);
  }

  threads(): FakeChannel[] {
    return this.createdThreads.map((id) => this.requireChannel(id));
  }

  outgoingMessages(): Array<{ path: string; body: Record<string, unknown> }> {
    const out: Array<{ path: string; body: Record<string, unknown> }> = [];
    for (const request of this.requests) {
      const body = request.body as Record<string, unknown> | undefined;
      if (!body) continue;
      const isMessage =
        (request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path)) ||
        (request.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(request.path)) ||
        (request.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(request.path)) ||
        (request.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/.+$/.test(request.path));
      if (isMessage) out.push({ path: request.path, body });
      const isCallbackWithMessage = /^\/interactions\/\d+\/[^/]+\/callback$/.test(request.path) && (body['type'] === 4 || body['type'] === 7);
      if (isCallbackWithMessage) out.push({ path: request.path, body: (body['data'] ?? {}) as Record<string, unknown> });
    }
    return out;
  }

  registeredCommands(guildId?: string): Array<Record<string, unknown>> {
    return this.commands.get(guildId ?? 'global') ?? [];
  }

  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const value = predicate();
        if (value === undefined || value === null || value === false) return false;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(value);
        return true;
      };
      const waiter = () => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake-discord: waitFor timed out after ${timeoutMs} ms (${this.requests.length} requests recorded)`));
      }, timeoutMs);
      this.waiters.add(waiter);
      check();
    });
  }

  failNext(fault: { method: string; path: RegExp; status: number; code: number; message: string }): void {
    this.faults.push(fault);
  }

  stallNext(match: { method: string; path: RegExp; when?: (request: RecordedRequest) => boolean }): StalledRequest {
    let arrive!: (request: RecordedRequest) => void;
    let release!: () => void;
    const arrived = new Promise<RecordedRequest>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const stall = { method: match.method, path: match.path, when: match.when ?? (() => true), arrive, released, release };
    this.stalls.push(stall);
    return { arrived, release };
  }

  dropConnection(): void {
    this.gateway.drop();
  }

  async close(): Promise<void> {
    for (const release of this.held) release();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  // ---------------------------------------------------------------- REST

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const raw = await readBody(req);
    const { body, files } = parseBody(raw, req.headers['content-type']);
    const request: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, files, at: Date.now() };
    this.requests.push(request);
    const stallIndex = this.stalls.findIndex((candidate) => candidate.method === request.method && candidate.path.test(path) && candidate.when(request));
    const stall = stallIndex >= 0 ? this.stalls.splice(stallIndex, 1)[0] : undefined;
    if (stall) {
      stall.arrive(request);
      this.held.add(stall.release);
      await stall.released;
      this.held.delete(stall.release);
      if (res.destroyed) return;
    }
    const index = this.faults.findIndex((f) => f.method === request.method && f.path.test(path));
    const fault = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
    if (fault) {
      send(res, fault.status, { message: fault.message, code: fault.code });
      this.changed();
      return;
    }
    try {
      const result = this.route(request);
      if (result === undefined) {
        this.unexpected.push(request);
        send(res, 404, { message: `fake-discord: unknown route ${request.method} ${path}`, code: 0 });
      } else {
        send(res, result.status, result.body);
      }
    } catch (error) {
      send(res, 500, { message: String(error), code: 0 });
    } finally {
      this.changed();
    }
  }

  private route(r: RecordedRequest): { status: number; body?: unknown } | undefined {
    const m = (pattern: RegExp) => pattern.exec(r.path);
    let match: RegExpExecArray | null;
    if (r.method === 'GET' && r.path === '/gateway/bot' && this.refuseToken) {
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    }
    if (r.method === 'GET' && (r.path === '/gateway/bot' || r.path === '/gateway')) {
      return ok({
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (r.method === 'GET' && r.path === '/users/@me') return ok(this.botUser);
    if (r.method === 'PUT' && (match = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const commands = (r.body as Array<Record<string, unknown>>).map((c) => ({
        id: snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        ...c,
        ...(match?.[2] ? { guild_id: match[2] } : {}),
      }));
      this.commands.set(match[2] ?? 'global', commands);
      return ok(commands);
    }
    if (r.method === 'GET' && (match = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      return ok(this.commands.get(match[2] ?? 'global') ?? []);
    }
    if (r.method === 'POST' && (match = m(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.interactionCallback(match[1] ?? '', r);
    }
    if ((match = m(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      return this.webhookMessage(match[2] ?? '', match[3] ?? '', r);
    }
    if (r.method === 'POST' && (match = m(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      return this.followup(match[2] ?? '', r);
    }
    if (r.method === 'POST' && (match = m(/^\/channels\/(\d+)\/threads$/))) return this.createThread(match[1] ?? '', r);
    if (r.method === 'PUT' && (match = m(/^\/channels\/(\d+)\/thread-members\/(\d+)$/))) {
      const thread = this.channels.get(match[1] ?? '');
      if (!thread) return notFound();
      thread.memberIds = [...(thread.memberIds ?? []), match[2] ?? ''];
      return { status: 204 };
    }
    if (r.method === 'POST' && (match = m(/^\/channels\/(\d+)\/messages$/))) return this.postMessage(match[1] ?? '', r);
    if (r.method === 'GET' && (match = m(/^\/channels\/(\d+)\/messages$/))) return this.listMessages(match[1] ?? '', r.query);
    if ((match = m(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = this.messages.get(match[2] ?? '');
      if (!message) return notFound();
      if (r.method === 'GET') return ok(message.payload);
      if (r.method === 'PATCH') return ok(this.edit(message, r.body as Record<string, unknown>));
      return undefined;
    }
    if (r.method === 'POST' && m(/^\/channels\/(\d+)\/typing$/)) return { status: 204 };
    if ((match = m(/^\/channels\/(\d+)$/))) {
      const channel = this.channels.get(match[1] ?? '');
      if (!channel) return notFound();
      if (r.method === 'GET') return ok(channelPayload(channel));
      if (r.method === 'PATCH') return ok(this.patchChannel(channel, r.body as Record<string, unknown>));
      return undefined;
    }
    if (r.method === 'GET' && (match = m(/^\/guilds\/(\d+)\/members\/(\d+)$/))) {
      const member = this.guilds.get(match[1] ?? '')?.members.find((x) => x.user.id === match?.[2]);
      return member ? ok(memberPayload(member)) : notFound();
    }
    return undefined;
  }

  private interactionCallback(id: string, r: RecordedRequest): { status: number; body?: unknown } {
    const interaction = this.interactions.get(id);
    if (!interaction) return notFound();
    if (interaction.callback) {
      return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    }
    // Discord forgets an interaction that was not acknowledged within three seconds.
    if (Date.now() - interaction.dispatchedAt > this.ackDeadlineMs) {
      return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    }
    interaction.acknowledgedAt = Date.now();
    const body = r.body as { type: number; data?: Record<string, unknown> };
    interaction.callback = { type: body.type, data: body.data };
    const clicked = interaction.messageId ? this.messages.get(interaction.messageId) : undefined;
    const channelId = clicked?.channelId ?? this.interactionChannel.get(id) ?? '';
    const ephemeral = (Number(body.data?.['flags'] ?? 0) & EPHEMERAL) !== 0;
    switch (body.type) {
      case 4: {
        interaction.originalId = this.webhookStore(channelId, body.data ?? {}, ephemeral, 'interaction', id);
        const stored = this.messages.get(interaction.originalId);
        if (stored && r.files.length > 0) stored.files = r.files;
        break;
      }
      case 5:
        // a deferred reply shows "thinking…" until the bot edits @original
        interaction.originalId = this.webhookStore(
          channelId,
          { content: '', flags: Number(body.data?.['flags'] ?? 0) | LOADING },
          ephemeral,
          'interaction',
          id,
        );
        break;
      case 6:
        if (interaction.messageId) interaction.originalId = interaction.messageId;
        break;
      case 7:
        if (clicked) this.edit(clicked, body.data ?? {});
        if (interaction.messageId) interaction.originalId = interaction.messageId;
        break;
      default:
        break;
    }
    if (r.query.get('with_response') === 'true') {
      const original = interaction.originalId ? this.messages.get(interaction.originalId) : undefined;
      return ok({
        interaction: {
          id,
          type: 2,
          activity_instance_id: null,
          response_message_id: original?.payload['id'] ?? null,
          response_message_loading: body.type === 5,
          response_message_ephemeral: ephemeral,
        },
        resource: { type: body.type, ...(original ? { message: original.payload } : {}) },
      });
    }
    return { status: 204 };
  }

  private readonly interactionChannel = new Map<string, string>();
  private readonly held = new Set<() => void>();

  private webhookMessage(token: string, messageId: string, r: RecordedRequest): { status: number; body?: unknown } {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (!interaction) return notFound();
    const id = messageId === '@original' ? interaction.originalId : messageId;
    const message = id ? this.messages.get(id) : undefined;
    if (!message) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    if (r.method === 'GET') return ok(message.payload);
    if (r.method === 'PATCH') {
      const flags = Number(message.payload['flags'] ?? 0) & ~LOADING;
      message.payload['flags'] = flags;
      if (r.files.length > 0) message.files = r.files;
      return ok(this.edit(message, r.body as Record<string, unknown>));
    }
    if (r.method === 'DELETE') {
      this.messages.delete(message.payload['id'] as string);
      return { status: 204 };
    }
    return notFound();
  }

  private followup(token: string, r: RecordedRequest): { status: number; body?: unknown } {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (!interaction) return notFound();
    if (!interaction.callback) return { status: 400, body: { message: 'Unknown Webhook', code: 10015 } };
    const body = r.body as Record<string, unknown>;
    const channelId = this.interactionChannel.get(interaction.id) ?? '';
    const ephemeral = (Number(body['flags'] ?? 0) & EPHEMERAL) !== 0;
    const id = this.webhookStore(channelId, body, ephemeral, 'followup', interaction.id);
    const stored = this.messages.get(id);
    if (stored && r.files.length > 0) stored.files = r.files;
    interaction.followupIds.push(id);
    return ok(this.messages.get(id)?.payload);
  }

  private createThread(parentId: string, r: RecordedRequest): { status: number; body?: unknown } {
    const parent = this.channels.get(parentId);
    if (!parent) return notFound();
    const body = r.body as { name: string; type?: number; auto_archive_duration?: number; invitable?: boolean };
    const thread: FakeChannel = {
      id: snowflake(),
      type: body.type ?? ChannelTypes.PrivateThread,
      guild_id: parent.guild_id,
      name: body.name,
      parent_id: parent.id,
      owner_id: this.botUser.id,
      thread_metadata: {
        archived: false,
        auto_archive_duration: body.auto_archive_duration ?? 4320,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        ...(body.invitable !== undefined ? { invitable: body.invitable } : {}),
      },
      member_count: 1,
      message_count: 0,
      memberIds: [this.botUser.id],
    };
    this.channels.set(thread.id, thread);
    this.guilds.get(parent.guild_id)?.channels.push(thread);
    this.createdThreads.push(thread.id);
    this.gateway.dispatch('THREAD_CREATE', { ...channelPayload(thread), newly_created: true });
    return { status: 201, body: channelPayload(thread) };
  }

  private postMessage(channelId: string, r: RecordedRequest): { status: number; body?: unknown } {
    const channel = this.channels.get(channelId);
    if (!channel) return notFound();
    if (channel.thread_metadata?.archived) return { status: 400, body: { message: 'Thread is archived', code: 50083 } };
    const body = r.body as Record<string, unknown>;
    const payload = messagePayload({
      channel,
      author: this.botUser,
      content: typeof body['content'] === 'string' ? body['content'] : '',
      embeds: (body['embeds'] as unknown[] | undefined) ?? [],
      components: (body['components'] as unknown[] | undefined) ?? [],
    });
    this.store({ payload, channelId, ephemeral: false, via: 'channel' });
    this.gateway.dispatch('MESSAGE_CREATE', { ...payload, guild_id: channel.guild_id });
    return ok(payload);
  }

  /** GET /channels/:id/messages with `after` or `before` (or neither) and `limit`: newest first, as Discord answers. */
  private listMessages(channelId: string, query: URLSearchParams): { status: number; body?: unknown } {
    if (!this.channels.has(channelId)) return notFound();
    const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50)));
    const after = query.get('after');
    const before = query.get('before');
    const all = this.channelMessages(channelId).map((message) => message.payload);
    const byId = (payload: Record<string, unknown>) => BigInt(String(payload['id']));
    let page: Array<Record<string, unknown>>;
    if (after !== null) {
      page = all.filter((payload) => byId(payload) > BigInt(after)).slice(0, limit);
    } else {
      const older = before === null ? all : all.filter((payload) => byId(payload) < BigInt(before));
      page = older.slice(-limit);
    }
    return ok(page.reverse());
  }

  private patchChannel(channel: FakeChannel, body: Record<string, unknown>): Record<string, unknown> {
    if (typeof body['name'] === 'string') channel.name = body['name'];
    if (channel.thread_metadata) {
      if (typeof body['archived'] === 'boolean') channel.thread_metadata.archived = body['archived'];
      if (typeof body['locked'] === 'boolean') channel.thread_metadata.locked = body['locked'];
    }
    const payload = channelPayload(channel);
    this.gateway.dispatch(channel.thread_metadata ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', payload);
    return payload;
  }

  private webhookStore(channelId: string, data: Record<string, unknown>, ephemeral: boolean, via: 'interaction' | 'followup', interactionId: string): string {
    const channel = this.requireChannel(channelId);
    const payload = messagePayload({
      channel,
      author: this.botUser,
      content: typeof data['content'] === 'string' ? data['content'] : '',
      embeds: (data['embeds'] as unknown[] | undefined) ?? [],
      components: (data['components'] as unknown[] | undefined) ?? [],
      flags: Number(data['flags'] ?? 0),
      webhookId: this.applicationId,
      applicationId: this.applicationId,
    });
    this.store({ payload, channelId, ephemeral, via, interactionId });
    return payload['id'] as string;
  }

  private edit(message: StoredMessage, body: Record<string, unknown>): Record<string, unknown> {
    for (const key of ['content', 'embeds', 'components'] as const) {
      if (body[key] !== undefined) message.payload[key] = body[key];
    }
    message.payload['edited_timestamp'] = new Date().toISOString();
    return message.payload;
  }

  private store(message: StoredMessage): StoredMessage {
    const id = message.payload['id'] as string;
    this.messages.set(id, message);
    this.messageOrder.push(id);
    return message;
  }

  // ---------------------------------------------------------------- helpers

  private commandInteraction(type: 2 | 4, member: FakeMember, command: string, options: SlashOptions, focused: string | undefined): FakeInteraction {
    const guild = this.requireGuild(member.guildId);
    const channel = this.requireChannel(options.channelId ?? this.textChannel(guild).id);
    const interaction = this.newInteraction(member, type === 2 ? 'command' : 'autocomplete');
    this.interactionChannel.set(interaction.id, channel.id);
    const resolved: Record<string, Record<string, unknown>> = {};
    const leaf = Object.entries(options.options ?? {}).map(([name, value]) => {
      if (typeof value === 'object') {
        const bucket = `${value.type}s`;
        resolved[bucket] ??= {};
        if (value.type === 'role') {
          const role = guild.roles.find((r) => r.id === value.id);
          resolved[bucket][value.id] = {
            id: value.id,
            name: role?.name ?? 'role',
            permissions: role?.permissions ?? '0',
            color: 0,
            hoist: false,
            position: 1,
            managed: false,
            mentionable: false,
            flags: 0,
          };
        } else if (value.type === 'channel') {
          const target = this.requireChannel(value.id);
          resolved[bucket][value.id] = { id: target.id, name: target.name, type: target.type, permissions: ALL_PERMISSIONS.toString() };
        } else {
          resolved[bucket][value.id] = { id: value.id, username: 'user', discriminator: '0', global_name: null, avatar: null };
        }
        return { name, type: value.type === 'role' ? 8 : value.type === 'channel' ? 7 : 6, value: value.id };
      }
      const optionType = typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : Number.isInteger(value) ? 4 : 10;
      return { name, type: optionType, value, ...(focused === name ? { focused: true } : {}) };
    });
    const data = {
      id: snowflake(),
      name: command,
      type: 1,
      guild_id: guild.id,
      options: options.sub ? [{ name: options.sub, type: 1, options: leaf }] : leaf,
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    };
    this.gateway.dispatch('INTERACTION_CREATE', { ...this.interactionBase(interaction, member, channel), type, data });
    return interaction;
  }

  private interactionBase(interaction: FakeInteraction, member: FakeMember, channel: FakeChannel): Record<string, unknown> {
    this.interactionChannel.set(interaction.id, channel.id);
    const guild = this.requireGuild(member.guildId);
    return {
      id: interaction.id,
      application_id: this.applicationId,
      token: interaction.token,
      version: 1,
      guild_id: guild.id,
      channel_id: channel.id,
      channel: channelPayload(channel),
      member: { ...memberPayload(member), permissions: member.permissions.toString() },
      app_permissions: ALL_PERMISSIONS.toString(),
      locale: member.locale,
      guild_locale: guild.locale,
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
    };
  }

  private newInteraction(member: FakeMember, kind: FakeInteraction['kind']): FakeInteraction {
    const interaction: FakeInteraction = {
      id: snowflake(),
      token: `tok-${snowflake()}`,
      userId: member.user.id,
      kind,
      followupIds: [],
      dispatchedAt: Date.now(),
    };
    this.interactions.set(interaction.id, interaction);
    return interaction;
  }

  private newUser(prefix: string): FakeUser {
    this.userCount++;
    return { id: snowflake(), username: `${prefix}${this.userCount}`, global_name: null, discriminator: '0', avatar: null };
  }

  private botMember(guild: FakeGuild): FakeMember {
    return { user: this.botUser, guildId: guild.id, roles: [], permissions: ALL_PERMISSIONS, locale: 'en-US' };
  }

  private readyPayload(sessionId: string) {
    const guilds = [...this.guilds.values()];
    return {
      ready: {
        v: 10,
        user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
      },
      guildCreates: guilds.map((g) => guildPayload(g, this.botMember(g))),
    };
  }

  private requireGuild(id: string): FakeGuild {
    const guild = this.guilds.get(id);
    if (!guild) throw new Error(`fake-discord: unknown guild ${id}`);
    return guild;
  }

  private requireChannel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`fake-discord: unknown channel ${id}`);
    return channel;
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function ok(body: unknown): { status: number; body: unknown } {
  return { status: 200, body };
}

function notFound(): { status: number; body: unknown } {
  return { status: 404, body: { message: 'Unknown', code: 10003 } };
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status === 200 ? 204 : status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON bodies, and multipart ones (attachments): the `payload_json` part as the body, the rest as files, byte for byte. */
function parseBody(raw: Buffer, contentType: string | undefined): { body: unknown; files: FakeFile[] } {
  if (raw.length === 0) return { body: undefined, files: [] };
  const boundary = contentType?.startsWith('multipart/form-data') ? /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType) : null;
  if (!boundary) return { body: JSON.parse(raw.toString('utf8')), files: [] };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2] ?? ''}`);
  let body: unknown;
  const files: FakeFile[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, partStart);
    if (next < 0) break;
    // each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter
    const part = raw.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    if (name === 'payload_json') {
      body = JSON.parse(content.toString('utf8'));
    } else {
      files.push({
        field: name,
        filename: /filename="([^"]*)"/.exec(headers)?.[1] ?? '',
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '',
        data: Buffer.from(content),
      });
    }
    start = next;
  }
  return { body, files };
}
