import { randomUUID } from 'node:crypto';
import type { Session } from '../../../src/engine/session.js';
import { uiText } from '../../../src/discord/ui-text.js';
import type { FakeFile, FakeInteraction, FakeMember, StoredMessage } from '../../support/fake-discord/index.js';
import { startPracticeToOpening, waitForAnswer, waitForEmbeds, type BotHarness } from '../bot-harness.js';

const en = uiText('en');

/** A solo practice through Discord: the given replies, each graded, then optionally `/practice end`. Returns the stored session. */
export async function practise(h: BotHarness, member: FakeMember, replies: string[], end = true): Promise<Session> {
  const { thread } = await startPracticeToOpening(h, member, { persona: 'frustrated', language: 'en' });
  for (const [index, reply] of replies.entries()) {
    h.fake.say(member, thread.id, reply);
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, index + 1);
  }
  if (end) await waitForAnswer(h.fake, h.fake.slash(member, 'practice', { sub: 'end', channelId: thread.id }));
  const session = await h.app.storage.sessions.findByChannel(thread.id);
  if (!session) throw new Error('the practice left no session in the store');
  return session;
}

/** Stores a copy of `template` under a new id, with the fields given (dates, owner, group). */
export async function seedCopy(h: BotHarness, template: Session, changes: Partial<Session>): Promise<Session> {
  const copy: Session = { ...template, id: randomUUID(), channelRef: null, ...changes };
  await h.app.storage.sessions.save(copy);
  return copy;
}

/** The final state of an interaction's answer: its (edited) original response, else its first follow-up, once it has content or files. */
export async function settled(h: BotHarness, interaction: FakeInteraction): Promise<StoredMessage> {
  return h.fake.waitFor(() => {
    const original = h.fake.original(interaction);
    const loading = original && (Number(original.payload['flags'] ?? 0) & (1 << 7)) !== 0;
    if (
      original &&
      !loading &&
      ((typeof original.payload['content'] === 'string' && original.payload['content'] !== '') ||
        (original.payload['embeds'] as unknown[] | undefined)?.length ||
        original.files?.length)
    ) {
      return original;
    }
    return h.fake.followups(interaction)[0];
  });
}

export function filesOf(message: StoredMessage): FakeFile[] {
  return message.files ?? [];
}

export function fileText(file: FakeFile | undefined): string {
  if (!file) throw new Error('no file attached');
  return file.data.toString('utf8');
}

/** The values offered by the string select `customId` on a message. */
export function selectValues(message: StoredMessage, customId: string): string[] {
  const rows = (message.payload['components'] as Array<{ components: Array<{ custom_id?: string; options?: Array<{ value: string }> }> }> | undefined) ?? [];
  const select = rows.flatMap((row) => row.components).find((component) => component.custom_id === customId);
  return select?.options?.map((option) => option.value) ?? [];
}
