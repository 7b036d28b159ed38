/**
 * Builders for the raw API objects the fake Discord hands to discord.js. Only the fields
 * discord.js reads (or crashes without) are filled in; values are plausible, not exhaustive.
 */

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A snowflake that grows with time and within one millisecond, as Discord's do. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface FakeMember {
  user: FakeUser;
  guildId: string;
  roles: string[];
  /** effective permissions in the guild (bit field) */
  permissions: bigint;
  locale: string;
}

export interface FakeChannel {
  id: string;
  type: number;
  guild_id: string;
  name: string;
  parent_id?: string | null;
  owner_id?: string;
  position?: number;
  permission_overwrites?: unknown[];
  thread_metadata?: {
    archived: boolean;
    auto_archive_duration: number;
    archive_timestamp: string;
    locked: boolean;
    invitable?: boolean;
  };
  member_count?: number;
  message_count?: number;
  /** user ids added to a thread */
  memberIds?: string[];
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  members: FakeMember[];
  roles: Array<{ id: string; name: string; permissions: string }>;
  locale: string;
}

export const ChannelTypes = { GuildText: 0, PublicThread: 11, PrivateThread: 12 } as const;

function userPayload(user: FakeUser): FakeUser {
  return { ...user };
}

export function memberPayload(member: FakeMember, withUser = true): Record<string, unknown> {
  return {
    ...(withUser ? { user: userPayload(member.user) } : {}),
    roles: member.roles,
    nick: null,
    avatar: null,
    joined_at: new Date(0).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelPayload(channel: FakeChannel): Record<string, unknown> {
  const { memberIds: _memberIds, ...rest } = channel;
  return {
    permission_overwrites: [],
    position: 0,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    ...rest,
  };
}

export function guildPayload(guild: FakeGuild, bot: FakeMember): Record<string, unknown> {
  const isThread = (c: FakeChannel) => c.type === ChannelTypes.PublicThread || c.type === ChannelTypes.PrivateThread;
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guild.roles.map((role, position) => ({
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: role.permissions,
      managed: false,
      mentionable: false,
      flags: 0,
    })),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.locale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: guild.members.length + 1,
    voice_states: [],
    members: [memberPayload(bot), ...guild.members.map((m) => memberPayload(m))],
    channels: guild.channels.filter((c) => !isThread(c)).map(channelPayload),
    threads: guild.channels.filter((c) => isThread(c) && !c.thread_metadata?.archived).map(channelPayload),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

interface MessageInit {
  channel: FakeChannel;
  author: FakeUser;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  webhookId?: string;
  applicationId?: string;
}

export function messagePayload(init: MessageInit): Record<string, unknown> {
  return {
    id: snowflake(),
    channel_id: init.channel.id,
    author: userPayload(init.author),
    content: init.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: init.embeds ?? [],
    pinned: false,
    type: 0,
    flags: init.flags ?? 0,
    components: init.components ?? [],
    ...(init.webhookId ? { webhook_id: init.webhookId } : {}),
    ...(init.applicationId ? { application_id: init.applicationId } : {}),
  };
}
