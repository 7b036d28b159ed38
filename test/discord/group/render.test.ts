import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { embedLength, LIMITS } from '../../../src/discord/limits.js';
import type { GroupRecord } from '../../../src/discord/group/group-record.js';
import { groupText } from '../../../src/discord/group/group-text.js';
import { rankStandings, type Standing } from '../../../src/discord/group/ranking.js';
import { renderBoard } from '../../../src/discord/group/render-board.js';
import { renderCard, type CardRow } from '../../../src/discord/group/render-card.js';
import { renderRoundAnswers } from '../../../src/discord/group/render-rounds.js';
import { makeGrade } from '../../support/scripted-grader.js';

const HOSTILE = '@everyone <@123456789012345678> **bold** <#42> `code` ||spoiler||';

function record(overrides: Partial<GroupRecord> = {}): GroupRecord {
  return {
    id: '0e6f4a1c-2d7b-4d8e-9a51-3c0f2b9d7e11',
    schemaVersion: 1,
    guildId: '1',
    channelId: '2',
    cardMessageId: '3',
    personaId: 'frustrated',
    lang: 'en',
    intensity: 'standard',
    trainerId: '4',
    trainerName: 'Trainer Tess',
    mode: 'individual',
    status: 'open',
    startedAt: '2026-01-01T10:00:00.000Z',
    endsAt: '2026-01-01T11:00:00.000Z',
    endedAt: null,
    participants: [],
    scenario: null,
    relay: null,
    boardMessageId: null,
    ...overrides,
  };
}

function expectWithinLimits(embed: APIEmbed): void {
  expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
  expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
  expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
  expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(field.value.trim()).not.toBe('');
  }
}

/** Every mention form broken: nothing in rendered text can ping or link, even without allowedMentions. */
function expectNoLiveMentions(text: string): void {
  expect(text).not.toMatch(/@everyone|@here|<@!?\d+>|<@&\d+>|<#\d+>/);
}

describe('session card', () => {
  const rows = (count: number, name = 'Trainee'): CardRow[] =>
    Array.from({ length: count }, (_, index) => ({
      userId: String(index),
      name: `${name} ${index}`,
      turns: index % 7,
      average: index % 3 === 0 ? null : 3 + (index % 5) / 4,
    }));

  it('shows who practises, their turns and average, the trainer and the end time, with Join while open', () => {
    const card = renderCard({ record: record(), personaName: 'Frustrated customer', trainerName: 'Trainer Tess', rows: rows(3) });
    const [embed] = card.embeds;
    const text = groupText('en');
    expect(embed?.title).toBe(text.card.title('Frustrated customer'));
    const participants = embed?.fields?.find((field) => field.name === text.card.participants(3));
    expect(participants?.value.split('\n')).toEqual([
      text.card.participantLine('Trainee 0', 0, null),
      text.card.participantLine('Trainee 1', 1, '3.3'),
      text.card.participantLine('Trainee 2', 2, '3.5'),
    ]);
    expect(embed?.fields?.find((field) => field.name === text.card.ends)?.value).toBe(`<t:${Date.parse('2026-01-01T11:00:00.000Z') / 1000}:R>`);
    const buttons = card.components.flatMap((row) => row.components);
    expect(buttons.map((button) => ('custom_id' in button ? button.custom_id : ''))).toEqual([`group-join:${record().id}`]);
  });

  it('stays within the field limit for a very large group and says how many more there are', () => {
    const card = renderCard({ record: record(), personaName: 'P', trainerName: 'T', rows: rows(200, 'A rather long display name') });
    const [embed] = card.embeds;
    expectWithinLimits(embed ?? {});
    const list = embed?.fields?.at(-1)?.value ?? '';
    expect(list).toMatch(/… and \d+ more$/);
    const shown = list.split('\n').length - 1;
    expect(list).toContain(groupText('en').card.more(200 - shown));
  });

  it('escapes member names and loses its buttons once ended', () => {
    const card = renderCard({
      record: record({ status: 'ended', lang: 'de' }),
      personaName: 'P',
      trainerName: HOSTILE,
      rows: [{ userId: '1', name: HOSTILE, turns: 1, average: 4 }],
    });
    const all = JSON.stringify(card.embeds);
    expectNoLiveMentions(all);
    expect(all).not.toContain('**bold**');
    expect(card.components).toEqual([]);
    expect(card.embeds[0]?.footer?.text).toBe(groupText('de').card.statusEnded);
  });

  it('offers the trainer the first line, then the next line, in a shared scenario; start and skip in a relay', () => {
    const scenario = record({ mode: 'scenario', scenario: { stage: 'opening', rounds: [], outcome: null } });
    const labels = (r: GroupRecord) =>
      renderCard({ record: r, personaName: 'P', trainerName: 'T', rows: [] }).components.flatMap((row) =>
        row.components.map((b) => ('label' in b ? b.label : '')),
      );
    const text = groupText('en');
    expect(labels(scenario)).toEqual([text.buttons.join, text.buttons.firstLine]);
    const relay = record({ mode: 'relay', relay: { sessionId: null, turnIndex: 0, turns: [], started: false, finished: false, answering: null } });
    expect(labels(relay)).toEqual([text.buttons.join, text.buttons.startRelay]);
    expect(labels({ ...relay, relay: { ...relay.relay!, started: true, sessionId: 's' } })).toEqual([text.buttons.join, text.buttons.skipTurn]);
  });

  it('drops Next line and says the conversation is over once the shared scenario reached an end', () => {
    const over = record({ mode: 'scenario', scenario: { stage: null, rounds: [], outcome: 'resolved' } });
    const card = renderCard({ record: over, personaName: 'P', trainerName: 'T', rows: [] });
    expect(card.components.flatMap((row) => row.components)).toHaveLength(1);
    expect(card.embeds[0]?.fields?.some((field) => field.value === groupText('en').card.finished)).toBe(true);
  });
});

describe('results board', () => {
  const standing = (index: number, reply: string): Standing => ({
    userId: String(index),
    name: `Trainee ${index}`,
    average: 1 + (index % 9) / 2,
    replies: 3,
    strongest: { customer: 'This is the third time I am calling about my card!', reply, score: 4.7 },
    weakest: { customer: 'Are you even listening?', reply, score: 1.7 },
  });

  it('ranks everyone in the description and shows each strongest and weakest moment', () => {
    const standings = rankStandings([standing(1, 'I hear you.'), standing(4, 'Let me fix that now.'), standing(2, 'Calm down.')]);
    const [embed, ...rest] = renderBoard({ lang: 'en', mode: 'individual', personaName: 'Frustrated', standings });
    expect(rest).toEqual([]);
    const text = groupText('en');
    const lines = (embed?.description ?? '').split('\n').slice(2);
    expect(lines).toEqual([
      text.board.rankLine(1, 'Trainee 4', '3.0', 3),
      text.board.rankLine(2, 'Trainee 2', '2.0', 3),
      text.board.rankLine(3, 'Trainee 1', '1.5', 3),
    ]);
    const first = embed?.fields?.[0];
    expect(first?.name).toBe('1. Trainee 4');
    expect(first?.value).toContain(text.board.strongest('4.7'));
    expect(first?.value).toContain(text.board.weakest('1.7'));
    expect(first?.value).toContain('> Let me fix that now.');
  });

  it('spreads a large class over several embeds, each within every Discord limit, keeping every trainee', () => {
    const long = `${HOSTILE} ${'very long reply '.repeat(200)}`;
    const standings = rankStandings(Array.from({ length: 60 }, (_, index) => standing(index, long)));
    const embeds = renderBoard({ lang: 'de', mode: 'scenario', personaName: 'P', standings });
    expect(embeds.length).toBeGreaterThan(1);
    for (const embed of embeds) {
      expectWithinLimits(embed);
      expectNoLiveMentions(JSON.stringify(embed));
    }
    const fieldCount = embeds.reduce((sum, embed) => sum + (embed.fields?.length ?? 0), 0);
    expect(fieldCount).toBe(60);
    expect(embeds[1]?.title).toBe(groupText('de').board.continued);
  });

  it('quotes trainee text so it cannot break out of the quote, ping or format', () => {
    const standings = rankStandings([standing(1, `${HOSTILE}\n# heading\n> fake quote`)]);
    const [embed] = renderBoard({ lang: 'en', mode: 'relay', personaName: 'P', standings });
    const value = embed?.fields?.[0]?.value ?? '';
    expectNoLiveMentions(value);
    for (const line of value.split('\n').filter((l) => l.includes('heading') || l.includes('fake quote'))) {
      expect(line.startsWith('> ')).toBe(true);
    }
  });

  it('says so when nobody took part', () => {
    const [embed] = renderBoard({ lang: 'de', mode: 'individual', personaName: 'P', standings: [] });
    expect(embed?.description).toBe(groupText('de').board.nobody);
  });
});

describe('scenario answers side by side', () => {
  it('shows every expected trainee as an inline column, best first, missing answers last', () => {
    const embeds = renderRoundAnswers({
      lang: 'en',
      round: 2,
      line: 'Why does nobody call me back?',
      answers: [
        { name: 'Ada', text: 'Calm down.', grade: makeGrade({ composure: 2, empathy: 1 }) },
        { name: 'Ben', text: null, grade: null },
        { name: 'Cem', text: 'That must be so frustrating. I will call you back today by five.', grade: makeGrade({ composure: 5, empathy: 5 }) },
      ],
    });
    expect(embeds).toHaveLength(1);
    const fields = embeds[0]?.fields ?? [];
    expect(fields.map((field) => field.name.split(' — ')[0])).toEqual(['Cem', 'Ada', 'Ben']);
    expect(fields.every((field) => field.inline === true)).toBe(true);
    expect(fields[2]?.value).toContain(groupText('en').scenario.noAnswer);
    expect(embeds[0]?.title).toBe(groupText('en').scenario.answersTitle(2));
  });

  it('stays within limits for a big group with long answers', () => {
    const answers = Array.from({ length: 40 }, (_, index) => ({
      name: `T${index} ${HOSTILE}`,
      text: 'x'.repeat(2_000),
      grade: makeGrade({ empathy: 1 + (index % 5) }),
    }));
    const embeds = renderRoundAnswers({ lang: 'de', round: 1, line: 'y'.repeat(5_000), answers });
    for (const embed of embeds) {
      expectWithinLimits(embed);
      expectNoLiveMentions(JSON.stringify(embed));
    }
    expect(embeds.reduce((sum, embed) => sum + (embed.fields?.length ?? 0), 0)).toBe(40);
  });
});
