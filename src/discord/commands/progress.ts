import { InteractionContextType, MessageFlags, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import type { Language } from '../../evaluation/grade.js';
import type { SessionListing } from '../../storage/session-store.js';
import type { BotContext } from '../bot-context.js';
import type { Command } from '../command.js';
import { fitEmbed } from '../limits.js';
import { getGuildConfig, interactionLanguage } from '../permissions.js';
import { visible } from '../replies.js';
import { uiText } from '../ui-text.js';
import { formatScore } from '../views.js';

/** How many recent sessions are loaded in full for the per-criterion averages. */
const DETAIL_SESSIONS = 10;
const RECENT_LINES = 5;
const TREND_POINTS = 12;

const data = new SlashCommandBuilder()
  .setName('progress')
  .setDescription('Your own practice history and scores (only you see it)')
  .setDescriptionLocalizations({ de: 'Ihr eigener Übungsverlauf mit Werten (nur für Sie sichtbar)' })
  .setContexts(InteractionContextType.Guild)
  .toJSON();

export const progressCommand = {
  data,
  async execute(interaction, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const config = await getGuildConfig(context, interaction.guildId);
    const lang = interactionLanguage(interaction, config);
    const listings = await context.storage.sessions.listByUser(interaction.guildId, interaction.user.id);
    const embed = await progressEmbed(listings, lang, context);
    await interaction.editReply(visible({ embeds: [embed] }));
  },
} satisfies Command;

export async function progressEmbed(listings: SessionListing[], lang: Language, context: BotContext): Promise<APIEmbed> {
  const text = uiText(lang).progress;
  // Group sessions a trainer ran count too: they are the member's own practice.
  const solo = listings;
  if (solo.length === 0) return { title: text.title, description: text.none };

  const ended = solo.filter((listing) => listing.status === 'ended').length;
  const fields: NonNullable<APIEmbed['fields']> = [];

  const criteria = await criterionAverages(solo.slice(0, DETAIL_SESSIONS), context);
  if (criteria) {
    const t = uiText(lang);
    fields.push({
      name: text.averages,
      value: t.summary.averagesLine(
        formatScore(criteria.composure),
        formatScore(criteria.empathy),
        `${Math.round(criteria.boundaryCorrect * 100)} %`,
        formatScore(criteria.overall),
      ),
    });
  }

  // Listings are newest first; the trend reads oldest to newest.
  const scored = solo.filter((listing) => listing.average !== null).reverse();
  if (scored.length > 0) {
    const points = scored.slice(-TREND_POINTS).map((listing) => formatScore(listing.average ?? 0));
    const first = formatScore(scored[0]?.average ?? 0);
    const last = formatScore(scored.at(-1)?.average ?? 0);
    fields.push({ name: text.trend, value: `${points.join(' → ')}\n${text.trendLine(first, last)}` });
  }

  fields.push({
    name: text.recent,
    value: solo
      .slice(0, RECENT_LINES)
      .map((listing) => {
        const persona = context.personas.get(listing.personaId);
        const name = persona ? persona.names[lang] : listing.personaId;
        const average = listing.average === null ? '–' : `${formatScore(listing.average)}/5`;
        return text.sessionLine(listing.createdAt.slice(0, 10), name, listing.turns, average);
      })
      .join('\n'),
  });

  return fitEmbed({ color: 0x5865f2, title: text.title, description: text.sessions(solo.length, ended), fields });
}

async function criterionAverages(listings: SessionListing[], context: BotContext) {
  const totals = { composure: 0, empathy: 0, boundaryCorrect: 0, overall: 0 };
  let weight = 0;
  for (const listing of listings) {
    if (listing.turns === 0) continue;
    const session = await context.storage.sessions.get(listing.id);
    if (!session) continue;
    const summary = context.engine.summarize(session);
    if (!summary.averages) continue;
    // Weighted by graded replies, so a one-reply session does not count as much as a long one.
    const n = summary.exchanges;
    totals.composure += summary.averages.composure * n;
    totals.empathy += summary.averages.empathy * n;
    totals.boundaryCorrect += summary.averages.boundaryCorrect * n;
    totals.overall += summary.averages.overall * n;
    weight += n;
  }
  if (weight === 0) return null;
  return {
    composure: totals.composure / weight,
    empathy: totals.empathy / weight,
    boundaryCorrect: totals.boundaryCorrect / weight,
    overall: totals.overall / weight,
  };
}
