import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { visible } from '../replies.js';
import { listMessage } from '../review/list-view.js';
import { loadViewableSession } from '../review/session-access.js';
import { parseSince } from '../review/since.js';
import { transcriptMessage } from '../review/transcript-message.js';
import { memberNameFrom, resolveViewer } from '../review/viewer.js';
import { respondWithPersonas } from '../command-options.js';

const data = new SlashCommandBuilder()
  .setName('transcripts')
  .setDescription('Practice transcripts: yours, or your team’s for trainers and managers (only you see it)')
  .setDescriptionLocalizations({ de: 'Übungsprotokolle: Ihre eigenen, für Trainer und Manager die des Teams (nur für Sie sichtbar)' })
  .setContexts(InteractionContextType.Guild)
  .addUserOption((o) =>
    o.setName('member').setDescription('Only this member’s sessions').setDescriptionLocalizations({ de: 'Nur die Sitzungen dieses Mitglieds' }),
  )
  .addStringOption((o) =>
    o
      .setName('persona')
      .setDescription('Only sessions with this customer')
      .setDescriptionLocalizations({ de: 'Nur Sitzungen mit dieser Kundenfigur' })
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o
      .setName('since')
      .setDescription('Started on or after a date (2026-01-31) or within so many days (30)')
      .setDescriptionLocalizations({ de: 'Begonnen ab einem Datum (2026-01-31) oder in so vielen Tagen (30)' })
      .setMaxLength(10),
  )
  .addStringOption((o) =>
    o
      .setName('session')
      .setDescription('A session id (opens it) or a group session id (lists its practices)')
      .setDescriptionLocalizations({ de: 'Eine Sitzungs-ID (öffnet sie) oder die ID einer Gruppensitzung (listet deren Übungen)' })
      .setMaxLength(64),
  )
  .toJSON();

export const transcriptsCommand = {
  data,
  async execute(interaction, context) {
    // Listing reads the store and may load a session: acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const resolved = await resolveViewer(interaction, context);
    const options = interaction.options;
    const id = options.getString('session')?.trim() || undefined;
    if (id) {
      if (await context.storage.sessions.get(id)) {
        // A session id: open it, or refuse exactly as the select menu and buttons do.
        const session = await loadViewableSession(context, resolved, id);
        await interaction.editReply(visible(transcriptMessage(context, session, resolved, memberNameFrom(interaction))));
        return;
      }
    }
    const query = {
      member: options.getUser('member')?.id,
      persona: options.getString('persona')?.trim() || undefined,
      since: parseSince(options.getString('since'), resolved.lang),
      // Not a session id: a group id. The listing applies the access rule (trainees: their own practices).
      groupId: id,
    };
    await interaction.editReply(visible(await listMessage(context, resolved, interaction.guildId, query, 1)));
  },
  autocomplete: respondWithPersonas,
} satisfies Command;
