import {
  AttachmentBuilder,
  ComponentType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type APIActionRowComponent,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord.js';
import type { Language } from '../../evaluation/grade.js';
import { buildProgressChart } from '../../reports/index.js';
import type { SessionListing } from '../../storage/session-store.js';
import type { BotContext } from '../bot-context.js';
import type { Command } from '../command.js';
import { customId, fitEmbed, truncate } from '../limits.js';
import { getGuildConfig, interactionLanguage } from '../permissions.js';
import { visible } from '../replies.js';
import { REVIEW_IDS } from '../review/review-ids.js';
import { reviewText } from '../review/review-text.js';
import { uiText } from '../ui-text.js';
import { formatScore } from '../views.js';

/** How many recent sessions are loaded in full for the per-criterion averages. */
const DETAIL_SESSIONS = 10;
const RECENT_LINES = 5;
const TREND_POINTS = 12;
/** Discord's select menus hold at most 25 options. */
const REPORT_CHOICES = 25;
const PROGRESS_CHART = 'progress-chart.png';

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
    const chart = await buildProgressChart(context.storage, interaction.guildId, interaction.user.id, { lang });
    const files = chart ? [new AttachmentBuilder(chart.png, { name: PROGRESS_CHART, description: reviewText(lang).progressChart })] : [];
    if (chart) embed.image = { url: `attachment://${PROGRESS_CHART}` };
    await interaction.editReply(visible({ embeds: [embed], files, components: reportPicker(listings, lang, context) }));
  },
} satisfies Command;

/** A select menu of the member's own recent sessions; picking one sends its HTML report (access re-checked). */
function reportPicker(listings: SessionListing[], lang: Language, context: BotContext): APIActionRowComponent<APIStringSelectComponent>[] {
  const withReplies = listings.filter((listing) => listing.turns > 0).slice(0, REPORT_CHOICES);
  if (withReplies.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customId(REVIEW_IDS.report),
          placeholder: reviewText(lang).progressReportPlaceholder,
          options: withReplies.map((listing) => {
            const persona = context.personas.get(listing.personaId);
            const name = persona ? persona.names[lang] : listing.personaId;
            return { label: truncate(reviewText(lang).selectOption(listing.createdAt.slice(0, 10), name, listing.turns), 100), value: listing.id };
          }),
        },
      ],
    },
  ];
}

async function progressEmbed(listings: SessionListing[], lang: Language, context: BotContext): Promise<APIEmbed> {
  const text = uiText(lang).progress;
  // Group sessions a trainer ran count too: they are the member's own practice.
  if (listings.length === 0) return { title: text.title, description: text.none };

  const ended = listings.filter((listing) => listing.status === 'ended').length;
  const fields: NonNullable<APIEmbed['fields']> = [];
  const details = await loadAverages(listings.slice(0, DETAIL_SESSIONS), context);

  const criteria = weightedMean([...details.values()]);
  if (criteria) {
    fields.push({
      name: text.averages,
      value: uiText(lang).summary.averagesLine(
        formatScore(criteria.composure, lang),
        formatScore(criteria.empathy, lang),
        percent(criteria.boundaryCorrect),
        formatScore(criteria.overall, lang),
      ),
    });
  }

  // Listings are newest first; the trend reads oldest to newest.
  const scored = listings.filter((listing) => listing.average !== null).reverse();
  if (scored.length > 0) {
    const points = scored.slice(-TREND_POINTS).map((listing) => formatScore(listing.average ?? 0, lang));
    const first = formatScore(scored[0]?.average ?? 0, lang);
    const last = formatScore(scored.at(-1)?.average ?? 0, lang);
    fields.push({ name: text.trend, value: `${points.join(' → ')}\n${text.trendLine(first, last)}` });
  }

  fields.push({
    name: text.recent,
    value: listings
      .slice(0, RECENT_LINES)
      .map((listing) => {
        const persona = context.personas.get(listing.personaId);
        const name = persona ? persona.names[lang] : listing.personaId;
        const average = listing.average === null ? '–' : `${formatScore(listing.average, lang)}/5`;
        const detail = details.get(listing.id);
        const criteriaText = detail
          ? text.criteria(formatScore(detail.composure, lang), formatScore(detail.empathy, lang), percent(detail.boundaryCorrect))
          : undefined;
        return text.sessionLine(listing.createdAt.slice(0, 10), name, listing.turns, average, criteriaText);
      })
      .join('\n'),
  });

  return fitEmbed({ color: 0x5865f2, title: text.title, description: text.sessions(listings.length, ended), fields });
}

interface Averages {
  composure: number;
  empathy: number;
  boundaryCorrect: number;
  overall: number;
  /** graded replies the averages are over */
  replies: number;
}

/** Per-criterion averages of each session with graded replies, by session id. */
async function loadAverages(listings: SessionListing[], context: BotContext): Promise<Map<string, Averages>> {
  const out = new Map<string, Averages>();
  for (const listing of listings) {
    if (listing.turns === 0) continue;
    const session = await context.storage.sessions.get(listing.id);
    if (!session) continue;
    const summary = context.engine.summarize(session);
    if (summary.averages) out.set(listing.id, { ...summary.averages, replies: summary.exchanges });
  }
  return out;
}

/** Weighted by graded replies, so a one-reply session does not count as much as a long one. */
function weightedMean(all: Averages[]): Omit<Averages, 'replies'> | null {
  const weight = all.reduce((sum, a) => sum + a.replies, 0);
  if (weight === 0) return null;
  const mean = (pick: (a: Averages) => number) => all.reduce((sum, a) => sum + pick(a) * a.replies, 0) / weight;
  return {
    composure: mean((a) => a.composure),
    empathy: mean((a) => a.empathy),
    boundaryCorrect: mean((a) => a.boundaryCorrect),
    overall: mean((a) => a.overall),
  };
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
