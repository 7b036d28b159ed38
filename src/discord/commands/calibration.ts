import { AttachmentBuilder, InteractionContextType, MessageFlags, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import type { Language } from '../../evaluation/grade.js';
import { calibrationSummary, exportLabels, type CalibrationSummary } from '../../reports/index.js';
import type { Command } from '../command.js';
import { interactionLanguage, requireRole } from '../permissions.js';
import { visible } from '../replies.js';
import { reviewText } from '../review/review-text.js';
import { formatScore } from '../views.js';

const data = new SlashCommandBuilder()
  .setName('calibration')
  .setDescription('How far machine grades agree with trainers’ corrections (trainers; only you see it)')
  .setDescriptionLocalizations({ de: 'Übereinstimmung maschineller Bewertungen mit Trainerkorrekturen (Trainer; nur für Sie sichtbar)' })
  .setContexts(InteractionContextType.Guild)
  .toJSON();

export const calibrationCommand = {
  data,
  async execute(interaction, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const config = await requireRole(interaction, context, 'trainer');
    const lang = interactionLanguage(interaction, config);
    const summary = await calibrationSummary(context.storage, interaction.guildId);
    const files: AttachmentBuilder[] = [];
    if (summary.overrides > 0) {
      // Labels in the eval format, so a trainer can run `npm run eval` against the team's judgement.
      const labels = await exportLabels(context.storage, interaction.guildId, 'all');
      files.push(new AttachmentBuilder(Buffer.from(labels), { name: 'counterpart-labels.jsonl' }));
    }
    await interaction.editReply(visible({ embeds: [calibrationEmbed(summary, lang)], files }));
  },
} satisfies Command;

function calibrationEmbed(summary: CalibrationSummary, lang: Language): APIEmbed {
  const text = reviewText(lang);
  if (summary.overrides === 0) return { title: text.calibrationTitle, description: text.calibrationNone };
  const line = (agreement: CalibrationSummary['composure']) =>
    agreement.compared === 0 || agreement.exactAgreement === null || agreement.meanAbsoluteDifference === null
      ? text.calibrationNoData
      : text.calibrationLine(agreement.compared, `${Math.round(agreement.exactAgreement * 100)} %`, formatScore(agreement.meanAbsoluteDifference, lang));
  return {
    color: 0x5865f2,
    title: text.calibrationTitle,
    description: `${text.calibrationCounts(summary.overrides, summary.sessions)}\n${text.calibrationLabels}`,
    fields: [
      { name: text.criterion.composure, value: line(summary.composure) },
      { name: text.criterion.empathy, value: line(summary.empathy) },
      { name: text.criterion.boundary, value: line(summary.boundary) },
    ],
  };
}
