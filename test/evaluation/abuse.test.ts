import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectAbuse } from '../../src/evaluation/abuse.js';
import { loadCases } from './cases/load-cases.js';

const KindSchema = z.enum(['insult', 'profanity_at_agent', 'threat', 'sexual', 'competence', 'slur']);
const CaseSchema = z.object({
  id: z.string(),
  text: z.string(),
  aimed: z.boolean(),
  kinds: z.array(KindSchema).optional(),
  /** asserted one by one, not only in the aggregate */
  strict: z.boolean().optional(),
});
type Case = z.infer<typeof CaseSchema>;

const casesOf = (lang: 'de' | 'en'): Case[] => loadCases(`abuse-${lang}.jsonl`, CaseSchema);

describe.each(['de', 'en'] as const)('detectAbuse on the labelled %s customer lines', (lang) => {
  const cases = casesOf(lang);

  it('has at least 40 cases, both abusive and not', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.aimed).length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => !c.aimed).length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.filter((c) => c.strict).map((c) => [c.id, c] as const))('strict case %s', (_id, testCase) => {
    const finding = detectAbuse(testCase.text, lang);
    expect(finding.aimedAtAgent).toBe(testCase.aimed);
    for (const kind of testCase.kinds ?? []) expect(finding.kinds).toContain(kind);
  });

  it('gets at least 90% of all cases right', () => {
    const right = cases.filter((c) => {
      const finding = detectAbuse(c.text, lang);
      return finding.aimedAtAgent === c.aimed && (c.kinds ?? []).every((kind) => finding.kinds.includes(kind));
    }).length;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('detectAbuse', () => {
  it('does not count venting about the product, the company or the country', () => {
    for (const text of ['This app is shit.', 'Your bank is a bunch of crooks, I swear.', 'This country is going to hell.']) {
      expect(detectAbuse(text, 'en').aimedAtAgent).toBe(false);
    }
    for (const text of ['Ihre Bank ist ein Saftladen!', 'Diese Scheißapp stürzt ständig ab.', 'In diesem Land läuft alles schief, verdammt.']) {
      expect(detectAbuse(text, 'de').aimedAtAgent).toBe(false);
    }
  });

  it('does not take everyday words for harassment', () => {
    expect(detectAbuse('Can you check the strip on my card? It will not read.', 'en').aimedAtAgent).toBe(false);
    expect(detectAbuse('I booked with Virgin, can you confirm the fee?', 'en').aimedAtAgent).toBe(false);
    expect(detectAbuse('Sie blasen das unnötig auf, es geht um zwölf Euro.', 'de').aimedAtAgent).toBe(false);
    expect(detectAbuse('Sie sind langsam genervt, ich auch.', 'de').aimedAtAgent).toBe(false);
  });

  it('counts a personal insult and quotes it', () => {
    const finding = detectAbuse('Listen, you absolute moron, I want my money.', 'en');
    expect(finding).toMatchObject({ aimedAtAgent: true, kinds: ['insult'] });
    expect(finding.evidence.join(' ')).toContain('moron');
  });

  it('does not count an insult that is reported or named', () => {
    expect(detectAbuse('Your colleague called me an idiot yesterday.', 'en').aimedAtAgent).toBe(false);
    expect(detectAbuse('Ihr Kollege hat mich gestern einen Trottel genannt.', 'de').aimedAtAgent).toBe(false);
    expect(detectAbuse('"Idiot" is what my son says when the app crashes.', 'en').aimedAtAgent).toBe(false);
  });

  it('does not count a negated insult or one aimed at oneself', () => {
    expect(detectAbuse("You're not an idiot, the form is confusing.", 'en').aimedAtAgent).toBe(false);
    expect(detectAbuse("I'm so stupid.", 'en').aimedAtAgent).toBe(false);
    expect(detectAbuse('Ich bin so blöd.', 'de').aimedAtAgent).toBe(false);
  });

  it('knows lower-case German "sie" means her/them, capitalised "Sie" means you', () => {
    expect(detectAbuse('Meine Nachbarin sagt, sie ist eine Idiotin, weil sie die PIN verraten hat.', 'de').aimedAtAgent).toBe(false);
    expect(detectAbuse('Sie sind eine Idiotin.', 'de').aimedAtAgent).toBe(true);
  });

  it('finds threats, sexual harassment and competence attacks with their kinds', () => {
    expect(detectAbuse("I'm going to hurt you.", 'en').kinds).toContain('threat');
    expect(detectAbuse('Ich mach dich fertig.', 'de').kinds).toContain('threat');
    expect(detectAbuse('What are you wearing, babe?', 'en').kinds).toContain('sexual');
    expect(detectAbuse('Schlaf mit mir, dann zahle ich.', 'de').kinds).toContain('sexual');
    expect(detectAbuse('You have no clue what you are doing.', 'en').kinds).toContain('competence');
    expect(detectAbuse('Sie haben doch keinen Plan.', 'de').kinds).toContain('competence');
  });

  it('matches spelling variants: folded umlauts, elongation, censored swear words', () => {
    expect(detectAbuse('Sie sind bloed.', 'de').aimedAtAgent).toBe(true);
    expect(detectAbuse('you are stuuuupid', 'en').aimedAtAgent).toBe(true);
    expect(detectAbuse('f*ck you', 'en').kinds).toContain('profanity_at_agent');
  });

  it('returns no kinds and no evidence when nothing is aimed at the agent', () => {
    expect(detectAbuse('Good morning, I need a new card.', 'en')).toEqual({ aimedAtAgent: false, kinds: [], evidence: [] });
  });

  it('never throws on hostile input and stays correct under obfuscation', () => {
    expect(detectAbuse('', 'de').aimedAtAgent).toBe(false);
    expect(detectAbuse('\u0000\u202E\u200B', 'en').aimedAtAgent).toBe(false);
    expect(detectAbuse('Y\u0301\u0316o\u0354u i\u0327d\u0358i\u0301o\u0316t', 'en').aimedAtAgent).toBe(true);
    expect(detectAbuse('🤬'.repeat(5000), 'en').aimedAtAgent).toBe(false);
    const long = `${'Ich warte seit Wochen. '.repeat(300)}Sie Vollidiot!`;
    expect(detectAbuse(long, 'de').aimedAtAgent).toBe(true);
  });
});
