import { formatScore } from '../reports/report-text.js';
import type { APIEmbed } from 'discord.js';
import type { ExchangeRef, SessionSummary } from '../engine/engine-types.js';
import type { CustomerLine, Exchange } from '../engine/session.js';
import { feedbackLeadsWithStrength, overallScore, type Language } from '../evaluation/grade.js';
import type { Intensity, Persona } from '../personas/persona-schema.js';
import { contentNotice, personaBrief, personaName } from '../personas/persona-text.js';
import { neutralizeMentions, quoteMemberText } from './escape.js';
import type { GuildConfig } from './guild-config.js';
import { LIMITS, embedLength, fitEmbed, splitText, truncate } from './limits.js';
import { uiText } from './ui-text.js';

/**
 * Pure builders for what the bot posts: message content and embeds, already within Discord's
 * limits. Member text is escaped here; model and persona text has its mentions broken.
 */

const COLOR = { neutral: 0x5865f2, good: 0x3ba55d, fair: 0xfaa61a, weak: 0xed4245, notice: 0x99aab5 } as const;

export { formatScore };

function scoreColor(overall: number): number {
  if (overall >= 4) return COLOR.good;
  if (overall >= 3) return COLOR.fair;
  return COLOR.weak;
}

/**
 * The customer's line as message content: stage direction in italics, then the name and words.
 * Cut to one message; `customerLineMessages` splits instead, for places that can send several.
 */
export function customerLineContent(line: CustomerLine, persona: Persona, lang: Language, prefix?: string): string {
  return truncate(customerLineText(line, persona, lang, prefix), LIMITS.content);
}

/** The customer's line as one or more messages, split on paragraph, line or word boundaries. */
export function customerLineMessages(line: CustomerLine, persona: Persona, lang: Language, prefix?: string): string[] {
  return splitText(customerLineText(line, persona, lang, prefix), LIMITS.content);
}

function customerLineText(line: CustomerLine, persona: Persona, lang: Language, prefix?: string): string {
  const parts: string[] = [];
  if (prefix) parts.push(prefix);
  if (line.narration) parts.push(`*${neutralizeMentions(line.narration)}*`);
  parts.push(`**${neutralizeMentions(persona.customerName[lang])}:** ${neutralizeMentions(line.text)}`);
  return parts.join('\n');
}

export function briefEmbed(persona: Persona, lang: Language, intensity: Intensity): APIEmbed {
  const text = uiText(lang);
  const brief = personaBrief(persona, lang);
  return fitEmbed({
    color: COLOR.neutral,
    title: text.practice.briefTitle(personaName(persona, lang)),
    description: text.practice.howTo,
    fields: [
      { name: text.practice.situation, value: brief.situation },
      { name: text.practice.goal, value: brief.goal },
    ],
    footer: { text: `${text.personas.channel[persona.channel]} · ${text.personas.difficulty(persona.difficulty)} · ${text.practice.intensity[intensity]}` },
  });
}

/** The content notice shown before a session with a persona that insults or deals with illness; undefined if none. */
export function noticeEmbed(persona: Persona, lang: Language, intensity: Intensity): APIEmbed | undefined {
  const notice = contentNotice(persona, lang, intensity);
  if (!notice) return undefined;
  return fitEmbed({ color: COLOR.notice, title: uiText(lang).practice.contentNoticeTitle, description: notice });
}

interface FeedbackOptions {
  /** an LLM judge is configured: a grade from the offline grader then gets a small marker */
  llmConfigured: boolean;
}

export function feedbackEmbed(exchange: Exchange, lang: Language, options: FeedbackOptions): APIEmbed {
  const text = uiText(lang).practice;
  const { grade } = exchange;
  const overall = overallScore(grade);
  const footer: string[] = [];
  if (exchange.attempt > 1) footer.push(text.attempt(exchange.attempt));
  if (options.llmConfigured && grade.source.grader === 'offline') footer.push(text.offlineGrading);
  return fitEmbed({
    color: scoreColor(overall),
    title: `${text.feedbackTitle} · ${formatScore(overall, lang)}/5`,
    fields: [
      { name: text.composure, value: `${grade.composure.score}/5`, inline: true },
      { name: text.empathy, value: `${grade.empathy.score}/5`, inline: true },
      { name: text.boundary, value: text.verdict[grade.boundary.verdict], inline: true },
      ...(grade.feedback.strength
        ? [{ name: feedbackLeadsWithStrength(grade) ? text.strength : text.lands, value: neutralizeMentions(grade.feedback.strength) }]
        : []),
      { name: text.tip, value: neutralizeMentions(grade.feedback.tip) },
      { name: text.example, value: `> ${neutralizeMentions(grade.feedback.example).replace(/\n/g, '\n> ')}` },
    ],
    ...(footer.length > 0 ? { footer: { text: footer.join(' · ') } } : {}),
  });
}

export function hintEmbed(hint: string, lang: Language): APIEmbed {
  return fitEmbed({ color: COLOR.notice, title: uiText(lang).practice.hintTitle, description: neutralizeMentions(hint) });
}

export function summaryEmbed(summary: SessionSummary, persona: Persona, lang: Language): APIEmbed {
  const text = uiText(lang).summary;
  const fields: NonNullable<APIEmbed['fields']> = [];
  if (summary.outcome) fields.push({ name: text.outcome, value: text.outcomes[summary.outcome] });
  fields.push({ name: text.exchanges, value: String(summary.exchanges), inline: true });
  if (summary.averages) {
    const a = summary.averages;
    fields.push({
      name: text.averages,
      value: text.averagesLine(
        formatScore(a.composure, lang),
        formatScore(a.empathy, lang),
        `${Math.round(a.boundaryCorrect * 100)} %`,
        formatScore(a.overall, lang),
      ),
    });
    fields.push({ name: text.scores, value: summary.scores.map((s) => formatScore(s.overall, lang)).join(' → ') });
  }
  if (summary.best) fields.push({ name: `${text.best} · ${formatScore(summary.best.score, lang)}/5`, value: quoteRef(summary.best) });
  if (summary.weakest) fields.push({ name: `${text.weakest} · ${formatScore(summary.weakest.score, lang)}/5`, value: quoteRef(summary.weakest) });
  fields.push({ name: text.practiseNext, value: neutralizeMentions(summary.practiseNext) });
  return fitEmbed({
    color: summary.averages ? scoreColor(summary.averages.overall) : COLOR.neutral,
    title: text.title(personaName(persona, lang)),
    ...(summary.averages ? {} : { description: text.noReplies }),
    fields,
  });
}

/** A trainee reply quoted back: escaped so its markdown and mentions are inert, cut to fit a field. */
function quoteRef(ref: ExchangeRef): string {
  return quoteMemberText(truncate(ref.reply, LIMITS.fieldValue - 120));
}

/** Longest situation text shown per persona in the list; the full brief opens each practice. */
const LIST_SITUATION_CHARS = 300;
/** Discord counts all embeds of one message against 6000 characters; keep a margin for titles. */
const MESSAGE_EMBED_BUDGET = LIMITS.embedTotal - 300;

/**
 * The persona list as messages (each an array of embeds): as many personas per embed as fit in
 * 25 fields, as many embeds per message as fit in Discord's 6000-character total, so a trainer's
 * large persona folder is listed in full over several messages instead of being cut.
 */
export function personaMessages(personas: Persona[], lang: Language): APIEmbed[][] {
  const text = uiText(lang).personas;
  if (personas.length === 0) return [[{ color: COLOR.neutral, title: text.title, description: text.empty }]];
  const fields = personas.map((persona) => {
    const tags = [text.channel[persona.channel], text.difficulty(persona.difficulty)];
    if (persona.contentNotice) tags.push(text.contentNotice);
    return {
      name: `${personaName(persona, lang)} (\`${persona.id}\`)`,
      value: `${tags.join(' · ')}\n${truncate(personaBrief(persona, lang).situation, LIST_SITUATION_CHARS)}`,
    };
  });
  const messages: APIEmbed[][] = [];
  let message: APIEmbed[] = [];
  let embed: APIEmbed = { color: COLOR.neutral, title: text.title, fields: [] };
  let used = embedLength(embed);
  const flushEmbed = () => {
    if (embed.fields?.length) message.push(fitEmbed(embed));
    embed = { color: COLOR.neutral, fields: [] };
  };
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (used + size > MESSAGE_EMBED_BUDGET) {
      flushEmbed();
      messages.push(message);
      message = [];
      used = 0;
    } else if ((embed.fields?.length ?? 0) >= LIMITS.embedFields) {
      flushEmbed();
    }
    embed.fields?.push(field);
    used += size;
  }
  flushEmbed();
  messages.push(message);
  return messages;
}

export function configEmbed(config: GuildConfig, lang: Language, title?: string): APIEmbed {
  const text = uiText(lang).config;
  const role = (id: string | null) => (id ? `<@&${id}>` : text.notSet);
  return fitEmbed({
    color: COLOR.neutral,
    title: title ?? text.title,
    fields: [
      { name: text.trainerRole, value: role(config.trainerRoleId), inline: true },
      { name: text.managerRole, value: role(config.managerRoleId), inline: true },
      {
        name: text.practiceChannels,
        value: config.practiceChannelIds.length > 0 ? config.practiceChannelIds.map((id) => `<#${id}>`).join(', ') : text.anyChannel,
      },
      { name: text.threadVisibility, value: text.visibility[config.threadVisibility], inline: true },
      { name: text.language, value: config.language, inline: true },
    ],
  });
}
