import type { APIEmbed, APIEmbedField } from 'discord.js';
import { isBoundaryCorrect, overallScore, type Grade, type Language } from '../../evaluation/grade.js';
import { escapeMemberText, quoteMemberText } from '../escape.js';
import { fitEmbed, LIMITS, truncate } from '../limits.js';
import { packFields } from './render-board.js';
import { formatScore, groupText } from './group-text.js';

const COLOUR_LINE = 0xc05621;
const COLOUR_ANSWERS = 0x2b6cb0;
/** Inline fields sit three to a row; short values keep the columns readable. */
const ANSWER_CHARS = 300;

/** A customer line as the channel and the threads show it. */
export function renderCustomerLine(options: { lang: Language; title: string; line: string; narration?: string | undefined; footer?: string }): APIEmbed {
  const parts: string[] = [];
  if (options.narration) parts.push(`*${escapeMemberText(options.narration)}*`);
  parts.push(quoteMemberText(options.line));
  return fitEmbed({
    title: options.title,
    description: parts.join('\n\n'),
    color: COLOUR_LINE,
    ...(options.footer ? { footer: { text: options.footer } } : {}),
  });
}

interface RoundAnswerView {
  name: string;
  text: string | null;
  grade: Grade | null;
}

/**
 * All answers of one scenario round side by side (inline fields), best first, those who did not
 * answer last. Several embeds when a large group would overflow one.
 */
export function renderRoundAnswers(options: { lang: Language; round: number; line: string; answers: RoundAnswerView[] }): APIEmbed[] {
  const text = groupText(options.lang);
  const sorted = [...options.answers].sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name));
  const fields: APIEmbedField[] = sorted.map((answer) => {
    const name = escapeMemberText(truncate(answer.name, 80));
    if (answer.text === null || answer.grade === null) {
      return { name, value: `_${text.scenario.noAnswer}_`, inline: true };
    }
    const value = [quoteMemberText(truncate(answer.text, ANSWER_CHARS)), gradeLine(answer.grade, options.lang)].join('\n');
    return { name: `${name} — ${text.scenario.answerLine(formatScore(overallScore(answer.grade), options.lang))}`, value, inline: true };
  });
  const head: APIEmbed = {
    title: text.scenario.answersTitle(options.round),
    description: truncate(quoteMemberText(options.line), LIMITS.embedDescription),
    color: COLOUR_ANSWERS,
    footer: { text: text.scenario.waitForNext },
  };
  return packFields(head, fields, text.scenario.answersTitle(options.round));
}

function score(answer: RoundAnswerView): number {
  return answer.grade ? overallScore(answer.grade) : -1;
}

/** "Composure 4 · Empathy 3 · Boundary ✓" */
function gradeLine(grade: Grade, lang: Language): string {
  const text = groupText(lang);
  const boundary = isBoundaryCorrect(grade.boundary.verdict) ? '✓' : '✗';
  return `${text.scores.composure} ${grade.composure.score} · ${text.scores.empathy} ${grade.empathy.score} · ${text.scores.boundary} ${boundary}`;
}

/** One relay answer graded, for the channel: the score line and the grader's tip. */
export function renderRelayGrade(options: { lang: Language; name: string; reply: string; grade: Grade }): APIEmbed {
  const text = groupText(options.lang);
  return fitEmbed({
    title: text.relay.graded(escapeMemberText(options.name), formatScore(overallScore(options.grade), options.lang)),
    description: [
      quoteMemberText(truncate(options.reply, 600)),
      gradeLine(options.grade, options.lang),
      `**${text.scores.tip}:** ${escapeMemberText(options.grade.feedback.tip)}`,
    ].join('\n'),
    color: COLOUR_ANSWERS,
  });
}
