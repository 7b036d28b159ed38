import type { Language } from '../../../src/evaluation/grade.js';
import { baseReplies, CUSTOMER_LINES, OTHER_LANGUAGE_REPLIES, type BaseReply, type CustomerLine } from './base-replies.js';
import { DISGUISES, disguise, place, PAYLOADS, PLACEMENTS, type Disguise, type InjectionPayload, type Placement } from './injections.js';
import { seededRandom, type Random } from './random.js';

/**
 * A deterministic corpus of hostile trainee replies for the grader and the bot: each family is a
 * small generator, composed here. Injection cases carry the clean base reply they were made from,
 * so a test can check that the injection raised nothing.
 */

export const HOSTILE_FAMILIES = [
  'empty_whitespace',
  'long',
  'zalgo_rtl',
  'null_control',
  'code_block',
  'mentions',
  'markdown_links',
  'emoji_flood',
  'other_languages',
  'injection',
] as const;
export type HostileFamily = (typeof HOSTILE_FAMILIES)[number];

export interface InjectionPair {
  base: BaseReply;
  payload: InjectionPayload;
  placement: Placement;
  disguise: Disguise;
}

export interface HostileCase {
  /** `family-n`, stable for a seed */
  id: string;
  family: HostileFamily;
  /** the session language */
  lang: Language;
  /** the customer line the reply answers */
  customer: CustomerLine;
  reply: string;
  /** injection cases only: what was injected into which clean reply */
  pair?: InjectionPair;
  /** decorated cases: the clean reply under the decoration (markup, mentions, invisible or control characters…) */
  from?: BaseReply;
}

type Draft = Omit<HostileCase, 'id' | 'family'>;
type FamilyGenerator = (random: Random, bases: readonly BaseReply[]) => Draft[];

const DEFAULT_SEED = 0x5eed_c0de;

/** The whole corpus (≥ 1,000 cases), the same for the same seed. */
export function hostileCorpus(seed = DEFAULT_SEED): HostileCase[] {
  const random = seededRandom(seed);
  const bases = baseReplies();
  const cases: HostileCase[] = [];
  for (const family of HOSTILE_FAMILIES) {
    GENERATORS[family](random, bases).forEach((draft, index) => cases.push({ id: `${family}-${index}`, family, ...draft }));
  }
  return cases;
}

/** Cases per family, for reports. */
export function countByFamily(cases: readonly HostileCase[]): Record<HostileFamily, number> {
  const counts = Object.fromEntries(HOSTILE_FAMILIES.map((family) => [family, 0])) as Record<HostileFamily, number>;
  for (const item of cases) counts[item.family] += 1;
  return counts;
}

/**
 * An even sample: every `step`-th case of each family, so each family stays represented. The
 * tests that run over HTTP or the fake Discord use it; the offline test uses the whole corpus.
 */
export function sampleCorpus(cases: readonly HostileCase[], perFamily: Partial<Record<HostileFamily, number>>, fallback: number): HostileCase[] {
  const sample: HostileCase[] = [];
  for (const family of HOSTILE_FAMILIES) {
    const members = cases.filter((item) => item.family === family);
    const want = Math.min(members.length, perFamily[family] ?? fallback);
    const step = members.length / Math.max(1, want);
    for (let i = 0; i < want; i++) sample.push(members[Math.floor(i * step)]!);
  }
  return sample;
}

// --- helpers --------------------------------------------------------------------------------------

function customerFor(random: Random, lang: Language): CustomerLine {
  return random.pick(CUSTOMER_LINES.filter((line) => line.lang === lang));
}

/** A case made from `base`: the same reply, decorated or polluted. */
function draftFrom(random: Random, base: BaseReply, reply: string): Draft {
  return { lang: base.lang, customer: customerFor(random, base.lang), reply, from: base };
}

/** A case that is not a reply at all; `base` only lends its language. */
function junk(random: Random, base: BaseReply, reply: string): Draft {
  return { lang: base.lang, customer: customerFor(random, base.lang), reply };
}

function repeatTo(unit: string, length: number): string {
  if (unit.length === 0) return '';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function times<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_unused, index) => make(index));
}

function snowflake(random: Random): string {
  return String(random.int(100_000_000, 999_999_999)) + String(random.int(100_000_000, 999_999_999));
}

// --- families -------------------------------------------------------------------------------------

const WHITESPACE_ATOMS = [' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\u200b', '\u200d', '\ufeff', '\u2028', '\u2029', '\u180e', '\u00ad'];
const PUNCTUATION_ONLY = ['.', '...', '?', '!!!', '-', '…', '?!', '*', '_', '~~', '> ', '||||'];

const emptyWhitespace: FamilyGenerator = (random, bases) => [
  junk(random, random.pick(bases), ''),
  ...times(40, () => {
    const base = random.pick(bases);
    const reply = times(random.int(1, 40), () => random.pick(WHITESPACE_ATOMS)).join('');
    return junk(random, base, reply);
  }),
  ...PUNCTUATION_ONLY.map((mark) => junk(random, random.pick(bases), mark)),
  // a normal reply drowned in padding is still that reply
  ...times(15, () => {
    const base = random.pick(bases);
    const pad = () => times(random.int(5, 60), () => random.pick(WHITESPACE_ATOMS)).join('');
    return draftFrom(random, base, `${pad()}${base.text}${pad()}`);
  }),
];

const LONG_LENGTHS = [1999, 2000, 2001, 2500, 4000, 4000, 4096, 6000];

const long: FamilyGenerator = (random, bases) =>
  LONG_LENGTHS.flatMap((length) => {
    const base = random.pick(bases);
    return [
      junk(random, base, repeatTo(`${base.text} `, length)),
      junk(random, base, repeatTo('a', length)),
      junk(random, base, repeatTo('😡', length)),
      junk(random, base, repeatTo(`${base.text}\n`, length)),
      junk(random, base, `${base.text} ${repeatTo('@everyone ', length - base.text.length - 1)}`),
      draftFrom(random, base, repeatTo('\n', length - base.text.length) + base.text),
      junk(random, base, repeatTo('Z\u0336\u0337\u0338', length)),
    ];
  });

const ZALGO_MARKS = Array.from({ length: 0x36f - 0x300 + 1 }, (_unused, offset) => String.fromCodePoint(0x300 + offset));

function zalgo(text: string, random: Random, intensity: number): string {
  return Array.from(text)
    .map((char) => char + times(random.int(0, intensity), () => random.pick(ZALGO_MARKS)).join(''))
    .join('');
}

const BIDI = ['\u202e', '\u202d', '\u202a', '\u202b', '\u2066', '\u2067', '\u2068', '\u200f', '\u200e', '\u061c'];

const zalgoRtl: FamilyGenerator = (random, bases) => [
  ...times(30, () => {
    const base = random.pick(bases);
    return draftFrom(random, base, zalgo(base.text, random, random.pick([2, 6, 15])));
  }),
  ...times(15, () => {
    const base = random.pick(bases);
    return junk(random, base, `\u202e${Array.from(base.text).reverse().join('')}`);
  }),
  ...times(15, () => {
    const base = random.pick(bases);
    const words = base.text.split(' ').map((word) => (random.chance(0.3) ? `${random.pick(BIDI)}${word}${random.pick(['\u202c', '\u2069', ''])}` : word));
    return draftFrom(random, base, words.join(' '));
  }),
  ...times(10, () => {
    const base = random.pick(bases);
    return draftFrom(random, base, `${base.text} \u202eأنا آسف\u202c ${zalgo('sorry', random, 4)}`);
  }),
];

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\ufffe', '\uffff', '\ufffd'];

const nullControl: FamilyGenerator = (random, bases) => [
  ...times(30, () => {
    const base = random.pick(bases);
    const polluted = Array.from(base.text)
      .map((char) => (random.chance(0.15) ? random.pick(CONTROL) + char : char))
      .join('');
    return draftFrom(random, base, polluted);
  }),
  ...times(15, () => junk(random, random.pick(bases), times(random.int(1, 200), () => random.pick(CONTROL)).join(''))),
  ...times(15, () => {
    const base = random.pick(bases);
    return draftFrom(random, base, `${base.text}\u0000${'\u0000'.repeat(random.int(1, 50))}`);
  }),
];

const codeBlock: FamilyGenerator = (random, bases) =>
  bases.flatMap((base, index) => {
    const forms = [
      `\`\`\`\n${base.text}\n\`\`\``,
      `\`\`\`js\nconsole.log(${JSON.stringify(base.text)});\n\`\`\``,
      `${base.text}\n\`\`\`\nunclosed block`,
      `\`${base.text}\``,
      `\`\`\`\n@everyone <@${snowflake(random)}>\n\`\`\`\n${base.text}`,
      `\`\`\`\`\n\`\`\`nested\`\`\`\n\`\`\`\` ${base.text}`,
    ];
    return [draftFrom(random, base, forms[index % forms.length]!), draftFrom(random, base, forms[(index + 3) % forms.length]!)];
  });

const MENTION_FORMS: ReadonlyArray<(random: Random) => string> = [
  () => '@everyone',
  () => '@here',
  (random) => `<@${snowflake(random)}>`,
  (random) => `<@!${snowflake(random)}>`,
  (random) => `<@&${snowflake(random)}>`,
  (random) => `<#${snowflake(random)}>`,
  (random) => `</practice start:${snowflake(random)}>`,
  () => '＠everyone',
  () => '@\u200beveryone',
  () => '@Everyone',
  () => '@@here',
];

const mentions: FamilyGenerator = (random, bases) =>
  times(80, (index) => {
    const base = random.pick(bases);
    const mention = MENTION_FORMS[index % MENTION_FORMS.length]!(random);
    const extra = times(random.int(0, 3), () => random.pick(MENTION_FORMS)(random)).join(' ');
    const form = random.int(0, 2);
    if (form === 2) return junk(random, base, `${mention}${extra}`);
    return draftFrom(random, base, form === 0 ? `${mention} ${base.text} ${extra}` : `${base.text} ${mention}`);
  });

const LINK_FORMS: ReadonlyArray<(label: string) => string> = [
  (label) => `[${label}](https://evil.example/login)`,
  () => '[https://bank.example/secure](https://evil.example/phish)',
  () => '<https://evil.example/no-preview>',
  () => '![badge](https://evil.example/pixel.png)',
  (label) => `[${label}](<https://evil.example/a b> "Official bank page")`,
  (label) => `[**${label}**](https://evil.example)`,
  () => '[@everyone](https://evil.example)',
  () => '[[nested](https://a.example)](https://b.example)',
  (label) => `[${label}]( https://evil.example )`,
  () => '# BIG HEADING\n-# small print',
  () => '>>> quoted to the end',
  () => '||spoiler text||',
  () => '[click](javascript:alert(1))',
  (label) => `[${label}]\n(https://evil.example)`,
];

/** Warm sentences with a link inside: the kind of sentence the grader quotes back as a strength. */
const QUOTABLE_LINKED: ReadonlyArray<readonly [Language, string]> = [
  ['en', "I'm so sorry about [your card](https://evil.example/card), being stuck abroad must be awful. What happened at the hotel?"],
  ['en', 'That sounds really stressful, [click here](https://evil.example) and [here](https://evil.example/2), I will fix it now.'],
  ['en', 'I can hear how exhausted you are [@everyone](https://evil.example). Let me unblock the card right now.'],
  ['de', 'Das tut mir so leid mit [Ihrer Karte](https://evil.example/karte), das muss furchtbar sein. Was ist passiert?'],
  ['de', 'Ich höre, wie erschöpft Sie sind, [Details](https://evil.example) und [mehr](<https://evil.example/a b>). Ich kümmere mich sofort darum.'],
  ['de', 'Das klingt wirklich belastend \\\\[hier](https://evil.example), ich entsperre die Karte jetzt.'],
];

const markdownLinks: FamilyGenerator = (random, bases) => [
  ...QUOTABLE_LINKED.flatMap(([lang, reply]) => [0, 1].map(() => ({ lang, customer: customerFor(random, lang), reply }))),
  ...times(84, (index) => {
    const base = random.pick(bases);
    const label = random.pick(['Details', 'Ihre Karte', 'your refund', 'hier klicken']);
    const link = LINK_FORMS[index % LINK_FORMS.length]!(label);
    return draftFrom(random, base, random.chance(0.5) ? `${base.text} ${link}` : `${link}\n${base.text}`);
  }),
];

const EMOJI = ['😡', '🤬', '😭', '🙏', '❤️', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇩🇪', '1️⃣', '🫠', '💳', '<:angry:123456789012345678>', '<a:party:876543210987654321>'];

const emojiFlood: FamilyGenerator = (random, bases) => [
  ...EMOJI.map((emoji) => junk(random, random.pick(bases), emoji.repeat(random.int(50, 300)))),
  ...times(30, () => {
    const base = random.pick(bases);
    const flood = times(random.int(10, 200), () => random.pick(EMOJI)).join(random.pick(['', ' ', '\n']));
    return draftFrom(random, base, random.chance(0.5) ? `${flood} ${base.text}` : `${base.text} ${flood}`);
  }),
  ...times(16, () => {
    const base = random.pick(bases);
    return draftFrom(random, base, base.text.split(' ').join(` ${random.pick(EMOJI)} `));
  }),
];

const otherLanguages: FamilyGenerator = (random, bases) => [
  ...OTHER_LANGUAGE_REPLIES.flatMap((reply) => (['de', 'en'] as const).map((lang) => ({ lang, customer: customerFor(random, lang), reply }))),
  ...OTHER_LANGUAGE_REPLIES.map((reply) => {
    const base = random.pick(bases);
    return draftFrom(random, base, `${base.text} ${reply}`);
  }),
  // the other session language
  ...times(16, () => {
    const base = random.pick(bases);
    const lang: Language = base.lang === 'de' ? 'en' : 'de';
    return { lang, customer: customerFor(random, lang), reply: base.text };
  }),
];

/** Each payload in each placement, several times, cycling through the disguises and drawing bases. */
const INJECTIONS_PER_PLACEMENT = 5;

const injection: FamilyGenerator = (random, bases) => {
  const drafts: Draft[] = [];
  let turn = 0;
  for (const payload of PAYLOADS) {
    for (const placement of PLACEMENTS) {
      for (let k = 0; k < INJECTIONS_PER_PLACEMENT; k++) {
        const kind = DISGUISES[turn++ % DISGUISES.length]!;
        const lang = random.chance(0.75) ? payload.lang : payload.lang === 'de' ? 'en' : 'de';
        const base = random.pick(bases.filter((candidate) => candidate.lang === lang));
        const reply = place(placement, base.text, disguise(kind, payload.text, random));
        drafts.push({ ...junk(random, base, reply), pair: { base, payload, placement, disguise: kind } });
      }
    }
  }
  return drafts;
};

const GENERATORS: Record<HostileFamily, FamilyGenerator> = {
  empty_whitespace: emptyWhitespace,
  long,
  zalgo_rtl: zalgoRtl,
  null_control: nullControl,
  code_block: codeBlock,
  mentions,
  markdown_links: markdownLinks,
  emoji_flood: emojiFlood,
  other_languages: otherLanguages,
  injection,
};
