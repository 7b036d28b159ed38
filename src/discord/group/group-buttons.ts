import { MessageFlags } from 'discord.js';
import { UserFacingError } from '../../errors.js';
import type { BotContext } from '../bot-context.js';
import type { ButtonHandler } from '../button.js';
import { interactionLanguage, getGuildConfig, requireRole } from '../permissions.js';
import { visible } from '../replies.js';
import { noticeEmbed } from '../views.js';
import { uiText } from '../ui-text.js';
import { groupStore, joinGroup } from './group-service.js';
import { groupText } from './group-text.js';
import { advanceRelay } from './relay-flow.js';
import { JOIN_CONSENTED, JOIN_PREFIX, joinConsentRow, NEXT_PREFIX } from './render-card.js';
import { advanceScenario } from './scenario-flow.js';
import { ensureChannelListener } from './channel-listener.js';

/** Join on the session card: anyone who sees the card may join. */
const joinButton = {
  prefix: JOIN_PREFIX,
  async execute(interaction, args, context) {
    const [groupId = ''] = args;
    // Opening a thread and the customer's first line can take longer than Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const record = await groupStore(context).get(groupId);
    // An id from another server's card (reused or forged) joins nothing there.
    if (!record || record.guildId !== interaction.guildId) throw await inactive(interaction, context);
    const text = groupText(record.lang);
    // A harsh or sensitive customer: the same notice as solo practice, and nothing starts until the
    // member agrees (privately; the second click carries the agreement).
    const notice = noticeEmbed(context.personas.require(record.personaId), record.lang, record.intensity);
    if (notice && args[1] !== JOIN_CONSENTED && record.status === 'open') {
      await interaction.editReply(
        visible({
          content: text.join.consent,
          embeds: [notice],
          components: [joinConsentRow(groupId, text.join.consentButton)],
        }),
      );
      return;
    }
    const result = await joinGroup(interaction.client, context, groupId, { userId: interaction.user.id, name: interaction.member.displayName });
    const content =
      result.kind === 'ended'
        ? text.join.ended
        : result.kind === 'already'
          ? text.join.already(result.threadId)
          : result.threadId
            ? text.join.joined(result.threadId)
            : text.join.joinedRelay;
    await interaction.editReply(visible({ content }));
  },
} satisfies ButtonHandler;

/** Next line (shared scenario) and Start relay / Skip turn (relay): trainers only. */
const nextButton = {
  prefix: NEXT_PREFIX,
  async execute(interaction, args, context) {
    const [groupId = ''] = args;
    await requireRole(interaction, context, 'trainer');
    const record = await groupStore(context).get(groupId);
    // The role was checked in this server; another server's group is not this trainer's to run.
    if (!record || record.guildId !== interaction.guildId || record.status !== 'open') throw await inactive(interaction, context);
    const text = groupText(record.lang);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let content: string;
    if (record.mode === 'scenario') {
      const result = await advanceScenario(interaction.client, context, groupId);
      content =
        result === 'closed_open_round'
          ? text.scenario.roundStillOpen
          : result === 'no_participants'
            ? text.scenario.noParticipants
            : result === 'over'
              ? text.scenario.over(text.outcomes[record.scenario?.outcome ?? 'stopped'])
              : result === 'ended'
                ? text.join.ended
                : text.scenario.opened;
    } else if (record.mode === 'relay') {
      ensureChannelListener(interaction.client, context);
      const result = await advanceRelay(interaction.client, context, groupId);
      content =
        result === 'no_participants'
          ? text.relay.noParticipants
          : result === 'finished'
            ? text.relay.over
            : result === 'ended'
              ? text.join.ended
              : result === 'started'
                ? text.relay.started
                : text.relay.passed;
    } else {
      throw await inactive(interaction, context);
    }
    await interaction.editReply(visible({ content }));
  },
} satisfies ButtonHandler;

async function inactive(interaction: Parameters<ButtonHandler['execute']>[0], context: BotContext): Promise<UserFacingError> {
  const config = await getGuildConfig(context, interaction.guildId);
  return new UserFacingError('button_inactive', uiText(interactionLanguage(interaction, config)).errors.unknownAction);
}

export const groupButtons: readonly ButtonHandler[] = [joinButton, nextButton];
