import { z } from 'zod';
import { KeyedMutex } from '../../storage/keyed-mutex.js';
import type { Storage } from '../../storage/storage.js';
import {
  GROUP_COLLECTION,
  GROUP_GUILD_COLLECTION,
  GROUP_OPEN_COLLECTION,
  GROUP_PLACE_COLLECTION,
  GroupRecordSchema,
  type GroupRecord,
} from './group-record.js';

/** Group records plus the two small indexes a front end needs: place → group, and the open groups. */
export interface GroupStore {
  get(groupId: string): Promise<GroupRecord | undefined>;
  /** the open group in a channel, or the group a trainee thread belongs to */
  findByPlace(placeId: string): Promise<GroupRecord | undefined>;
  /** creates the record and claims its channel; false when the channel already has an open group */
  create(record: GroupRecord): Promise<boolean>;
  /**
   * Read-modify-write under a per-group lock, so concurrent joins and answers never overwrite
   * each other. `change` returns the new record, or undefined to leave it as it is.
   */
  update(groupId: string, change: (record: GroupRecord) => GroupRecord | undefined): Promise<GroupRecord | undefined>;
  /** binds a trainee thread to its group */
  bindThread(threadId: string, groupId: string): Promise<void>;
  /** forgets a trainee thread's group (the trainee left it) */
  unbindThread(threadId: string): Promise<void>;
  /** ids of groups not ended */
  listOpen(): Promise<string[]>;
  /** ids of the groups started in a server (those started before this index existed are not in it) */
  listByGuild(guildId: string): Promise<string[]>;
}

const PlaceSchema = z.object({ groupId: z.string() });
const IdsSchema = z.array(z.string());
const OPEN_KEY = 'open';

export function createGroupStore(storage: Storage): GroupStore {
  const groups = storage.collection(GROUP_COLLECTION, GroupRecordSchema);
  const places = storage.collection(GROUP_PLACE_COLLECTION, PlaceSchema);
  const open = storage.collection(GROUP_OPEN_COLLECTION, IdsSchema);
  const byGuild = storage.collection(GROUP_GUILD_COLLECTION, IdsSchema);
  const locks = sharedLocks(storage);

  async function changeOpen(change: (ids: string[]) => string[]): Promise<void> {
    await locks.run('open-index', async () => {
      const ids = (await open.get(OPEN_KEY)) ?? [];
      await open.set(OPEN_KEY, change(ids));
    });
  }

  return {
    get: (groupId) => groups.get(groupId),

    async findByPlace(placeId) {
      const place = await places.get(placeId);
      return place ? groups.get(place.groupId) : undefined;
    },

    async create(record) {
      return locks.run(`channel:${record.channelId}`, async () => {
        const existing = await places.get(record.channelId);
        if (existing) {
          const other = await groups.get(existing.groupId);
          if (other && other.status === 'open') return false;
        }
        await groups.set(record.id, record);
        await places.set(record.channelId, { groupId: record.id });
        await changeOpen((ids) => (ids.includes(record.id) ? ids : [...ids, record.id]));
        await locks.run(`guild-index:${record.guildId}`, async () => {
          const ids = (await byGuild.get(record.guildId)) ?? [];
          if (!ids.includes(record.id)) await byGuild.set(record.guildId, [...ids, record.id]);
        });
        return true;
      });
    },

    async update(groupId, change) {
      return locks.run(`group:${groupId}`, async () => {
        const current = await groups.get(groupId);
        if (!current) return undefined;
        const next = change(current);
        if (!next) return current;
        const parsed = GroupRecordSchema.parse(next);
        await groups.set(groupId, parsed);
        if (current.status === 'open' && parsed.status === 'ended') {
          await changeOpen((ids) => ids.filter((id) => id !== groupId));
        }
        return parsed;
      });
    },

    bindThread: (threadId, groupId) => places.set(threadId, { groupId }),

    unbindThread: (threadId) => places.delete(threadId),

    async listOpen() {
      return (await open.get(OPEN_KEY)) ?? [];
    },

    async listByGuild(guildId) {
      return (await byGuild.get(guildId)) ?? [];
    },
  };
}

// One lock set per storage, so every store built over the same storage (one per handler call)
// serialises writers of the same group.
const locksByStorage = new WeakMap<Storage, KeyedMutex>();

function sharedLocks(storage: Storage): KeyedMutex {
  let locks = locksByStorage.get(storage);
  if (!locks) {
    locks = new KeyedMutex();
    locksByStorage.set(storage, locks);
  }
  return locks;
}
