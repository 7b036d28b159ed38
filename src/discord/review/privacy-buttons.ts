import { UserFacingError } from '../../errors.js';
import { deleteMemberData } from '../../privacy/index.js';
import { privacyText } from '../../privacy/privacy-text.js';
import { KeyedMutex } from '../../storage/keyed-mutex.js';
import type { ButtonHandler } from '../button.js';
import { closeThread } from '../group/discord-io.js';
import { eraseMemberFromGroups } from '../group/index.js';
import { ephemeral, visible } from '../replies.js';
import { uiText } from '../ui-text.js';
import { REVIEW_IDS } from './review-ids.js';
import { reviewText } from './review-text.js';
import { resolveViewer } from './viewer.js';

// A second press while the first deletion runs waits for it (and then finds nothing left).
const deletions = new KeyedMutex();

/**
 * `privacy:delete:<userId>` / `privacy:cancel:<userId>`: only the member the prompt was for, and
 * only their own data. Deleting takes the member out of every group session of the server first
 * (running ones go on without them), then deletes their sessions under the engine's lock, so a
 * reply being answered cannot bring one back, and closes the threads of those still running.
 */
export const privacyButtons = {
  prefix: REVIEW_IDS.privacy,
  async execute(interaction, args, context) {
    const [action, owner] = args;
    const resolved = await resolveViewer(interaction, context);
    const text = reviewText(resolved.lang);
    if (owner !== interaction.user.id) {
      await interaction.reply(ephemeral({ content: text.notYourButton }));
      return;
    }
    if (action === 'cancel') {
      await interaction.update(visible({ content: text.privacyCancelled, embeds: [], components: [] }));
      return;
    }
    if (action !== 'delete') throw new UserFacingError('unknown_action', uiText(resolved.lang).errors.unknownAction);
    await interaction.deferUpdate();
    const { guildId, user, client } = interaction;
    const log = context.log.child({ guildId, userId: user.id });
    const summary = await deletions.run(`${guildId}:${user.id}`, async () => {
      const groups = await eraseMemberFromGroups(client, context, guildId, user.id);
      const result = await deleteMemberData(context.storage, guildId, user.id, { guard: context.engine.exclusive });
      // Deleted means gone from the store's files too, not left readable in freed pages.
      await context.storage.eraseFreedSpace();
      const closed = privacyText(resolved.lang).placeClosed;
      await Promise.all(
        result.openPlaces.map((threadId) =>
          closeThread(client, threadId, closed).catch((error: unknown) => {
            log.warn({ err: error }, 'practice thread could not be closed');
          }),
        ),
      );
      log.info({ ...result, openPlaces: result.openPlaces.length, groupsLeft: groups.left, groupRecords: groups.erased }, 'member data deleted on request');
      return { sessions: result.sessions, open: result.openPlaces.length, groupsLeft: groups.left, groupRecords: groups.erased };
    });
    await interaction.editReply(visible({ content: privacyText(resolved.lang).deleted(summary), embeds: [], components: [] }));
  },
} satisfies ButtonHandler;
