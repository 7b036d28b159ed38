import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_COLLECTION, GroupRecordSchema, type GroupRecordInput } from '../../../src/discord/group/group-record.js';
import { groupRecordEraser } from '../../../src/discord/review/group-eraser.js';
import type { Storage } from '../../../src/storage/storage.js';
import { openTempStorage } from '../../support/temp-storage.js';

const at = '2026-11-01T10:00:00.000Z';

function group(id: string, status: 'open' | 'ended'): GroupRecordInput {
  return {
    id,
    schemaVersion: 1,
    guildId: 'g1',
    channelId: 'c1',
    personaId: 'frustrated',
    lang: 'en',
    intensity: 'standard',
    trainerId: 't1',
    trainerName: 'Trainer',
    mode: 'scenario',
    status,
    startedAt: at,
    participants: [
      { userId: 'anna', name: 'Anna Example', joinedAt: at },
      { userId: 'ben', name: 'Ben Example', joinedAt: at },
    ],
    scenario: {
      stage: null,
      rounds: [
        {
          n: 1,
          stage: 'opening',
          line: 'Customer line',
          openedAt: at,
          closesAt: at,
          expected: ['anna', 'ben'],
          answers: [
            { userId: 'anna', text: 'Anna private answer', at },
            { userId: 'ben', text: 'Ben answer', at },
          ],
        },
      ],
    },
  } satisfies GroupRecordInput;
}

describe('groupRecordEraser', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
  });
  afterEach(async () => cleanup());

  it('blanks the member’s answers and name in ended groups, keeps the others’ and leaves open groups alone', async () => {
    const groups = storage.collection(GROUP_COLLECTION, GroupRecordSchema);
    const ended = GroupRecordSchema.safeParse(group('ended', 'ended'));
    if (!ended.success) throw new Error(`fixture does not match the group schema: ${ended.error.message}`);
    await groups.set('ended', ended.data);
    await groups.set('open', GroupRecordSchema.parse(group('open', 'open')));

    const erased = await groupRecordEraser(storage, ['ended', 'open', 'ended', 'missing'])('g1', 'anna');
    expect(erased).toBe(1);
    const after = JSON.stringify(await groups.get('ended'));
    expect(after).not.toContain('Anna private answer');
    expect(after).not.toContain('Anna Example');
    expect(after).toContain('Ben answer');
    expect(after).toContain('Ben Example');
    expect(JSON.stringify(await groups.get('open'))).toContain('Anna private answer');
    // nothing left to erase the second time
    expect(await groupRecordEraser(storage, ['ended'])('g1', 'anna')).toBe(0);
  });
});
