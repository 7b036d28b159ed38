import { AttachmentBuilder, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { buildTeamReport, renderTeamReport, teamChartPng } from '../../reports/index.js';
import type { Command } from '../command.js';
import { interactionLanguage, requireRole } from '../permissions.js';
import { visible } from '../replies.js';
import { parseSince } from '../review/since.js';
import { teamEmbed } from '../review/team-view.js';
import { memberNameFrom } from '../review/viewer.js';

const DEFAULT_DAYS = '30';

const data = new SlashCommandBuilder()
  .setName('team-report')
  .setDescription('Team summary with a chart (managers; only you see it)')
  .setDescriptionLocalizations({ de: 'Teamübersicht mit Diagramm (Manager; nur für Sie sichtbar)' })
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) =>
    o
      .setName('since')
      .setDescription('From a date (2026-01-31) or so many days back (30, the default)')
      .setDescriptionLocalizations({ de: 'Ab einem Datum (2026-01-31) oder so viele Tage zurück (30, Standard)' })
      .setMaxLength(10),
  )
  .toJSON();

export const teamReportCommand = {
  data,
  async execute(interaction, context) {
    // The report loads every scored session of the period and renders a chart: acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const config = await requireRole(interaction, context, 'manager');
    const lang = interactionLanguage(interaction, config);
    const since = parseSince(interaction.options.getString('since') ?? DEFAULT_DAYS, lang) ?? '1970-01-01';
    const team = await buildTeamReport(context.storage, interaction.guildId, {
      since: `${since}T00:00:00.000Z`,
      personas: context.personas,
      lang,
      memberName: memberNameFrom(interaction),
    });
    const files: AttachmentBuilder[] = [];
    if (team.sessions > 0) {
      files.push(new AttachmentBuilder(teamChartPng(team), { name: 'team-chart.png' }));
      const html = renderTeamReport(team, 'html');
      files.push(new AttachmentBuilder(Buffer.from(html.body), { name: html.filename }));
    }
    const embed = teamEmbed(team, lang);
    if (files.length > 0) embed.image = { url: 'attachment://team-chart.png' };
    context.log.info({ guildId: interaction.guildId, sessions: team.sessions, members: team.members.length }, 'team report');
    await interaction.editReply(visible({ embeds: [embed], files }));
  },
} satisfies Command;
