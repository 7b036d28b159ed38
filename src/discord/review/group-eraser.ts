import type { MemberDataEraser } from '../../privacy/index.js';
import type { Storage } from '../../storage/storage.js';
import { GROUP_COLLECTION, GroupRecordSchema, type GroupRecord } from '../group/group-record.js';

const ERASED_NAME = '–';

/**
 * Erases what ended group records keep of a member beside their sessions: the text of their
 * shared-scenario answers and the display name they joined with. The group itself stays (the
 * other participants' results depend on it); the member's entries remain only as anonymous
 * placeholders so round counts still add up. Open groups are left alone: the running group's own
 * writes would race this one. `groupIds` must be read before the sessions are deleted (they are
 * found through the member's sessions).
 */
export function groupRecordEraser(storage: Storage, groupIds: readonly string[]): MemberDataEraser {
  return async (_guildId, userId) => {
    const groups = storage.collection(GROUP_COLLECTION, GroupRecordSchema);
    let changed = 0;
    for (const groupId of new Set(groupIds)) {
      const record = await groups.get(groupId);
      if (!record || record.status !== 'ended') continue;
      const erased = eraseMember(record, userId);
      if (erased === record) continue;
      await groups.set(groupId, erased);
      changed += 1;
    }
    return changed;
  };
}

function eraseMember(record: GroupRecord, userId: string): GroupRecord {
  const left =
    record.participants.some((participant) => participant.userId === userId && participant.name !== ERASED_NAME) ||
    (record.scenario?.rounds.some((round) => round.answers.some((answer) => answer.userId === userId && answer.text !== '')) ?? false);
  if (!left) return record;
  return {
    ...record,
    participants: record.participants.map((participant) => (participant.userId === userId ? { ...participant, name: ERASED_NAME } : participant)),
    scenario: record.scenario && {
      ...record.scenario,
      rounds: record.scenario.rounds.map((round) => ({
        ...round,
        answers: round.answers.map((answer) => (answer.userId === userId ? { ...answer, text: '' } : answer)),
      })),
    },
  };
}
