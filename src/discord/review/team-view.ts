import type { APIEmbed } from 'discord.js';
import type { Language } from '../../evaluation/grade.js';
import type { TeamReport } from '../../reports/index.js';
import { fitEmbed, LIMITS, truncate } from '../limits.js';
import { formatScore } from '../views.js';
import { reviewText } from './review-text.js';

type Averages = NonNullable<TeamReport['averages']>;

const percent = (share: number) => `${Math.round(share * 100)} %`;

function averagesLine(averages: Averages | null, lang: Language): string {
  if (!averages) return '–';
  const f = (value: number) => formatScore(value, lang);
  return reviewText(lang).averagesLine(f(averages.overall), f(averages.composure), f(averages.empathy), percent(averages.boundaryCorrect));
}

/** The team report's numbers as one embed; member names are mentions (nobody is pinged: no allowed mentions). */
export function teamEmbed(team: TeamReport, lang: Language): APIEmbed {
  const text = reviewText(lang);
  const f = (value: number | null) => (value === null ? '–' : formatScore(value, lang));
  const since = team.since.slice(0, 10);
  if (team.sessions === 0) return { title: text.teamTitle, description: `${text.teamPeriod(since)}\n${text.teamNone}` };
  const memberLines = team.members.map((member) => `<@${member.userId}> · ${member.sessions} · ${f(member.firstOverall)} → ${f(member.lastOverall)}`);
  const personaLines = team.personas.map((persona) => `${persona.name} · ${persona.sessions} · ${persona.averages ? f(persona.averages.overall) : '–'}`);
  const improved = team.mostImproved ? `<@${team.mostImproved.userId}> ${f(team.mostImproved.first)} → ${f(team.mostImproved.last)}` : text.nobodyImproved;
  return fitEmbed({
    color: 0x5865f2,
    title: text.teamTitle,
    description: text.teamPeriod(since),
    fields: [
      { name: text.teamSessions, value: String(team.sessions), inline: true },
      { name: text.teamMembers, value: String(team.members.length), inline: true },
      { name: text.teamAverages, value: averagesLine(team.averages, lang) },
      { name: text.teamMostImproved, value: improved, inline: true },
      { name: text.teamWeakestPersona, value: team.weakestPersona ? `${team.weakestPersona.name} (${f(team.weakestPersona.overall)})` : '–', inline: true },
      { name: text.teamWeakestCriterion, value: team.weakestCriterion ? text.criterion[team.weakestCriterion] : '–', inline: true },
      { name: text.teamPerMember, value: truncate(memberLines.join('\n'), LIMITS.fieldValue) },
      { name: text.teamPerPersona, value: truncate(personaLines.join('\n'), LIMITS.fieldValue) },
    ],
  });
}
