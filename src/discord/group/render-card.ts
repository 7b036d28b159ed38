import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { escapeMemberText } from '../escape.js';
import { customId, fitEmbed, LIMITS, truncate } from '../limits.js';
import type { GroupRecord } from './group-record.js';
import { formatScore, groupText } from './group-text.js';

export const JOIN_PREFIX = 'group-join';
/** the second argument of a Join click that agreed to the content notice */
export const JOIN_CONSENTED = 'agreed';
export const NEXT_PREFIX = 'group-next';

/** A participant's progress as the card shows it. */
export interface CardRow {
  userId: string;
  name: string;
  turns: number;
  average: number | null;
}

interface CardView {
  record: GroupRecord;
  personaName: string;
  trainerName: string;
  /** in joining order */
  rows: CardRow[];
}

export interface CardMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const COLOUR_OPEN = 0x2f855a;
const COLOUR_ENDED = 0x718096;

/** The session card: who is practising, how far, with which average; plus Join / Next line while open. */
export function renderCard(view: CardView): CardMessage {
  const { record } = view;
  const text = groupText(record.lang);
  const open = record.status === 'open';
  const fields = [
    { name: text.card.trainer, value: escapeMemberText(view.trainerName), inline: true },
    { name: text.card.mode, value: text.modes[record.mode], inline: true },
    {
      name: text.card.ends,
      value: record.endsAt ? `<t:${Math.floor(Date.parse(record.endsAt) / 1000)}:R>` : text.card.noEnd,
      inline: true,
    },
  ];
  const progress = progressLine(view);
  if (progress) fields.push({ name: '\u200b', value: progress, inline: false });
  fields.push({ name: text.card.participants(view.rows.length), value: participantList(view), inline: false });

  const embed: APIEmbed = {
    title: text.card.title(view.personaName),
    description: text.card.description(record.mode),
    color: open ? COLOUR_OPEN : COLOUR_ENDED,
    fields,
    footer: { text: open ? text.card.statusOpen : text.card.statusEnded },
  };
  return { embeds: [fitEmbed(embed)], components: open ? [buttons(record)] : [] };
}

function progressLine(view: CardView): string | null {
  const { record } = view;
  const text = groupText(record.lang);
  if (record.status !== 'open') return null;
  if (record.mode === 'scenario' && record.scenario) {
    const round = record.scenario.rounds.at(-1);
    if (record.scenario.outcome !== null) return text.card.finished;
    if (!round) return null;
    const answered = round.answers.filter((answer) => round.expected.includes(answer.userId)).length;
    return `${text.card.round(round.n)}: ${round.closedAt ? text.card.roundClosed : text.card.roundOpen(answered, round.expected.length)}`;
  }
  if (record.mode === 'relay' && record.relay) {
    if (record.relay.finished) return text.card.finished;
    if (!record.relay.started) return text.card.relayWaiting;
    const current = record.participants[record.relay.turnIndex % Math.max(1, record.participants.length)];
    return current ? text.card.relayTurn(escapeMemberText(current.name)) : null;
  }
  return null;
}

function participantList(view: CardView): string {
  const text = groupText(view.record.lang);
  if (view.rows.length === 0) return text.card.nobodyYet;
  const lines: string[] = [];
  let used = 0;
  for (const [index, row] of view.rows.entries()) {
    const line = text.card.participantLine(
      truncate(escapeMemberText(row.name), 64),
      row.turns,
      row.average === null ? null : formatScore(row.average, view.record.lang),
    );
    const rest = view.rows.length - index - 1;
    // Keep room for the "… and N more" line so the list never overflows the field.
    const reserve = rest > 0 ? text.card.more(rest).length + 1 : 0;
    if (used + line.length + 1 + reserve > LIMITS.fieldValue - 40) {
      lines.push(text.card.more(view.rows.length - index));
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}

function buttons(record: GroupRecord): APIActionRowComponent<APIButtonComponent> {
  const text = groupText(record.lang);
  const row: APIButtonComponent[] = [
    { type: ComponentType.Button, style: ButtonStyle.Primary, label: text.buttons.join, custom_id: customId(JOIN_PREFIX, record.id) },
  ];
  const next = nextLabel(record);
  if (next) {
    row.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: next, custom_id: customId(NEXT_PREFIX, record.id) });
  }
  return { type: ComponentType.ActionRow, components: row };
}

function nextLabel(record: GroupRecord): string | null {
  const text = groupText(record.lang);
  if (record.mode === 'scenario' && record.scenario) {
    if (record.scenario.outcome !== null) return null;
    return record.scenario.rounds.length === 0 ? text.buttons.firstLine : text.buttons.nextLine;
  }
  if (record.mode === 'relay' && record.relay) {
    if (record.relay.finished) return null;
    return record.relay.started ? text.buttons.skipTurn : text.buttons.startRelay;
  }
  return null;
}

/** The button under a content notice that joins the group once the member has read it. */
export function joinConsentRow(groupId: string, label: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label, custom_id: customId(JOIN_PREFIX, groupId, JOIN_CONSENTED) }],
  };
}
