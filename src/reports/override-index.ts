import { z } from 'zod';
import { KeyedMutex } from '../storage/keyed-mutex.js';
import type { Storage } from '../storage/storage.js';

/**
 * Ids of the sessions in a server that carry trainer overrides, so label export and calibration
 * load those sessions only instead of every transcript of the server.
 */
const OVERRIDE_INDEX_COLLECTION = 'report-overrides';

const IdsSchema = z.array(z.string());
const locks = new KeyedMutex();
const keyOf = (guildId: string | null) => guildId ?? '-';

export function overrideIndex(storage: Storage) {
  const collection = storage.collection(OVERRIDE_INDEX_COLLECTION, IdsSchema);
  const change = (guildId: string | null, edit: (ids: string[]) => string[]) =>
    locks.run(keyOf(guildId), async () => {
      const ids = (await collection.get(keyOf(guildId))) ?? [];
      const next = edit(ids);
      if (next !== ids) await collection.set(keyOf(guildId), next);
    });
  return {
    list: async (guildId: string | null) => (await collection.get(keyOf(guildId))) ?? [],
    add: (guildId: string | null, sessionId: string) => change(guildId, (ids) => (ids.includes(sessionId) ? ids : [...ids, sessionId])),
    remove: (guildId: string | null, sessionIds: readonly string[]) => {
      const drop = new Set(sessionIds);
      return change(guildId, (ids) => (ids.some((id) => drop.has(id)) ? ids.filter((id) => !drop.has(id)) : ids));
    },
  };
}
