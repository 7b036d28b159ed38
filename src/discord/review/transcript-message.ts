import { AttachmentBuilder, ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';
import type { Exchange, GradeOverride, Session } from '../../engine/session.js';
import { overallScore, type Language } from '../../evaluation/grade.js';
import { canCalibrate, canReviewTeam, ReportFormatSchema } from '../../reports/index.js';
import { exchangeLabel, transcriptEntries } from '../../reports/transcript-view.js';
import type { BotContext } from '../bot-context.js';
import { escapeMemberText, neutralizeMentions, quoteMemberText } from '../escape.js';
import { customId, embedLength, LIMITS, truncate } from '../limits.js';
import { uiText } from '../ui-text.js';
import { formatScore, summaryEmbed } from '../views.js';
import { sessionAttachment } from './export-file.js';
import { groupExportRow } from './list-view.js';
import { REVIEW_IDS } from './review-ids.js';
import { reviewText } from './review-text.js';
import type { ResolvedViewer } from './viewer.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Discord's select menus hold at most 25 options. */
const MAX_OPTIONS = 25;
const LINE_CHARS = 500;
const REPLY_CHARS = 700;
const FEEDBACK_CHARS = 300;

interface TranscriptMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
  files: AttachmentBuilder[];
}

/**
 * A session as one Discord message: a header, the conversation (each customer line, every attempt
 * at answering it with grades, feedback and any trainer correction), the summary, and the export
 * and correction controls the viewer may use. When the conversation does not fit Discord's 6000
 * characters per message it is attached as Markdown instead, with header and summary still shown.
 */
export function transcriptMessage(
  context: BotContext,
  session: Session,
  resolved: ResolvedViewer,
  memberName: (userId: string) => string | undefined,
): TranscriptMessage {
  const { lang } = resolved;
  const text = reviewText(lang);
  const persona = context.personas.get(session.personaId);
  const personaLabel = persona ? persona.names[lang] : session.personaId;
  const header: APIEmbed = {
    color: 0x5865f2,
    title: truncate(text.transcriptTitle(personaLabel, session.createdAt.slice(0, 10)), LIMITS.embedTitle),
    description: text.transcriptMember(`<@${session.userId}>`),
  };
  const summary = persona ? summaryEmbed(context.engine.summarize(session), persona, lang) : undefined;
  const fixed = [header, ...(summary ? [summary] : [])];
  const budget = LIMITS.embedTotal - fixed.reduce((sum, embed) => sum + embedLength(embed), 0) - 200;
  const conversation = packBlocks(conversationBlocks(session, lang), budget);

  const components = controls(session, resolved);
  if (conversation) {
    return { embeds: [header, ...conversation, ...(summary ? [summary] : [])].slice(0, 10), components, files: [] };
  }
  return {
    content: text.longTranscript,
    embeds: fixed,
    components,
    files: [sessionAttachment(context, session, 'markdown', lang, memberName)],
  };
}

function conversationBlocks(session: Session, lang: Language): string[] {
  const text = reviewText(lang);
  const practice = uiText(lang).practice;
  const entries = transcriptEntries(session);
  if (session.exchanges.length === 0) return [text.noReplies];
  const blocks: string[] = [];
  for (const entry of entries) {
    const parts = [`**${text.customer} (${entry.line.n + 1}):** ${neutralizeMentions(truncate(entry.line.text, LINE_CHARS))}`];
    for (const attempt of entry.attempts) {
      const { exchange } = attempt;
      const label = exchangeLabel(exchange);
      const attemptNote = exchange.attempt > 1 ? ` · ${text.attempt(exchange.attempt)}` : '';
      parts.push(`**${text.reply} ${label}**${attemptNote}`, quoteMemberText(truncate(exchange.reply, REPLY_CHARS)));
      parts.push(gradeLine(exchange, lang));
      const tip = exchange.grade.feedback.tip;
      if (tip) parts.push(`*${practice.tip}:* ${neutralizeMentions(truncate(tip, FEEDBACK_CHARS))}`);
      if (exchange.override) parts.push(overrideLine(exchange.override, lang));
      if (attempt.retractedAnswer) {
        parts.push(`*${text.retractedAnswer}:* ${neutralizeMentions(truncate(attempt.retractedAnswer.text, LINE_CHARS))}`);
      }
    }
    blocks.push(parts.join('\n'));
  }
  return blocks;
}

function gradeLine(exchange: Exchange, lang: Language): string {
  const practice = uiText(lang).practice;
  const { grade } = exchange;
  return `${practice.composure} ${grade.composure.score}/5 · ${practice.empathy} ${grade.empathy.score}/5 · ${practice.boundary}: ${practice.verdict[grade.boundary.verdict]} · **${formatScore(overallScore(grade), lang)}/5**`;
}

function overrideLine(override: GradeOverride, lang: Language): string {
  const practice = uiText(lang).practice;
  const text = reviewText(lang);
  const scores = [
    override.composure !== undefined ? `${practice.composure} ${override.composure}/5` : undefined,
    override.empathy !== undefined ? `${practice.empathy} ${override.empathy}/5` : undefined,
    override.boundary !== undefined ? `${practice.boundary}: ${practice.verdict[override.boundary]}` : undefined,
  ].filter((part): part is string => part !== undefined);
  // `by` is a Discord user id here; a mention renders the name and, with no allowed mentions, pings nobody.
  const by = /^\d+$/.test(override.by) ? `<@${override.by}>` : escapeMemberText(override.by);
  return `✎ *${text.override(by)}:* ${scores.join(' · ')} — ${text.reason}: ${escapeMemberText(truncate(override.reason, FEEDBACK_CHARS))}`;
}

/**
 * Blocks into embed descriptions (each under Discord's 4096), within `budget` characters and
 * Discord's ten embeds per message (two are header and summary). Null when they do not fit.
 */
function packBlocks(blocks: string[], budget: number): APIEmbed[] | null {
  const total = blocks.reduce((sum, block) => sum + block.length + 2, 0);
  if (total > budget) return null;
  const embeds: APIEmbed[] = [];
  let current = '';
  for (const block of blocks) {
    if (block.length > LIMITS.embedDescription) return null;
    if (current && current.length + 2 + block.length > LIMITS.embedDescription) {
      embeds.push({ color: 0x99aab5, description: current });
      current = '';
    }
    current = current ? `${current}\n\n${block}` : block;
  }
  if (current) embeds.push({ color: 0x99aab5, description: current });
  return embeds.length <= 8 ? embeds : null;
}

function controls(session: Session, resolved: ResolvedViewer): Row[] {
  const text = reviewText(resolved.lang);
  const rows: Row[] = [
    {
      type: ComponentType.ActionRow,
      components: ReportFormatSchema.options.map((format) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: text.exportLabel[format],
        custom_id: customId(REVIEW_IDS.export, format, session.id),
      })),
    },
  ];
  // setOverride only accepts ended sessions: the engine may still be writing an open one.
  if (canCalibrate(resolved.viewer) && session.status === 'ended' && session.exchanges.length > 0) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customId(REVIEW_IDS.correct, session.id),
          placeholder: text.correctPlaceholder,
          options: session.exchanges.slice(0, MAX_OPTIONS).map((exchange) => ({
            label: truncate(text.correctOption(exchangeLabel(exchange), exchange.reply.replace(/\s+/g, ' ')), 100),
            value: `${exchange.lineN}:${exchange.attempt}`,
          })),
        },
      ],
    });
  }
  if (session.groupId && canReviewTeam(resolved.viewer)) rows.push(groupExportRow(session.groupId, resolved));
  return rows;
}
