import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assessComposure, type ComposureFlag } from '../../src/evaluation/composure.js';
import { de as feedbackDe } from '../../src/evaluation/feedback-text/de.js';
import { en as feedbackEn } from '../../src/evaluation/feedback-text/en.js';
import { loadCases } from './cases/load-cases.js';

const FlagSchema = z.enum([
  'insult',
  'profanity',
  'threat',
  'sarcasm',
  'blame',
  'defensive',
  'dismissive',
  'minimising',
  'shouting',
  'condescending',
  'passive_aggressive',
  'lecturing',
]);
const CaseSchema = z.object({
  id: z.string(),
  customer: z.string(),
  reply: z.string(),
  /** inclusive range the score must fall in */
  score: z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]),
  flags: z.array(FlagSchema).optional(),
  /** the hard cases named in the brief (every case is asserted one by one now; kept for the data) */
  strict: z.boolean().optional(),
});
type Case = z.infer<typeof CaseSchema>;

const casesOf = (lang: 'de' | 'en'): Case[] => loadCases(`composure-${lang}.jsonl`, CaseSchema);

function passes(testCase: Case, lang: 'de' | 'en'): boolean {
  const finding = assessComposure({ reply: testCase.reply, customer: testCase.customer, lang });
  const [min, max] = testCase.score;
  return finding.score >= min && finding.score <= max && (testCase.flags ?? []).every((flag) => finding.flags.includes(flag));
}

/**
 * Cases the lexicons alone get wrong. Two are scored in range but named by another kind: „Ja klar,
 * Sie sind ja der große Experte." (sarcasm, read as condescension) and "People like you are trash,
 * honestly." (an insult, read as condescension). Five are sarcasm or a send-away in words no list
 * holds, scored 3 by the lexicons; their ranges had straddled the composed line ([2, 3]) and were
 * decided by the rubric (not composed) on 2026-12-07. The trained grader scores the three German
 * ones 2 („Sehr witzig.", „Bekommen Sie eine Erstattung? Natürlich nicht.", „Wenn es Ihnen nicht
 * passt, können Sie ja kündigen.") and the two English thank-yous 3.
 */
const KNOWN_MISSES: ReadonlySet<string> = new Set(['de-c21', 'en-c46', 'de-m14', 'de-q45', 'de-q71', 'en-m08', 'en-m22']);

describe.each(['de', 'en'] as const)('assessComposure on the labelled %s cases', (lang) => {
  const cases = casesOf(lang);

  it('has at least 40 cases covering every score band', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const band of [1, 3, 5]) expect(cases.some((c) => c.score[0] <= band && band <= c.score[1])).toBe(true);
  });

  // Every case on its own: an aggregate rate well below the measured one let a mutation review remove
  // three English jabs from the lexicon unnoticed.
  it.each(cases.filter((c) => !KNOWN_MISSES.has(c.id)).map((c) => [c.id, c] as const))('case %s scores in its range with its flags', (_id, testCase) => {
    const finding = assessComposure({ reply: testCase.reply, customer: testCase.customer, lang });
    expect(finding.score).toBeGreaterThanOrEqual(testCase.score[0]);
    expect(finding.score).toBeLessThanOrEqual(testCase.score[1]);
    for (const flag of testCase.flags ?? []) expect(finding.flags).toContain(flag);
  });

  it('still misses the known misses (remove one from the list once the lexicons get it right)', () => {
    const known = cases.filter((c) => KNOWN_MISSES.has(c.id));
    expect(known.length).toBeGreaterThan(0);
    for (const testCase of known) expect(passes(testCase, lang), testCase.id).toBe(false);
  });

  it('separates composed (>= 3) from not composed in at least 95% of cases', () => {
    const right = cases.filter((c) => {
      const finding = assessComposure({ reply: c.reply, customer: c.customer, lang });
      return finding.score >= 3 === c.score[0] >= 3;
    }).length;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.95);
  });
});

function assess(reply: string, lang: 'de' | 'en', customer = ''): ReturnType<typeof assessComposure> {
  return assessComposure({ reply, customer, lang });
}

describe('assessComposure: hard cases', () => {
  it('reads polite words with a mock title of address as sarcasm', () => {
    const finding = assess('Thank you SO much for your patience, genius', 'en');
    expect(finding.score).toBeLessThanOrEqual(2);
    expect(finding.flags).toContain('sarcasm');
    expect(finding.evidence.join(' ')).toContain('genius');
  });

  it('reads German mock congratulations as sarcasm', () => {
    const finding = assess('Na, herzlichen Glückwunsch, da haben Sie ja ganze Arbeit geleistet', 'de');
    expect(finding.score).toBeLessThanOrEqual(2);
    expect(finding.flags).toContain('sarcasm');
  });

  it('does not let an empathy phrase excuse the blame that follows it', () => {
    expect(assess("I understand, but that's your own fault", 'en')).toMatchObject({ flags: ['blame'] });
    expect(assess("I understand, but that's your own fault", 'en').score).toBeLessThanOrEqual(2);
    expect(assess('Ich verstehe Sie, aber das ist Ihr eigenes Verschulden', 'de').score).toBeLessThanOrEqual(2);
  });

  // What the customer should have done, or has to understand, is blame or a lecture whatever the
  // verb; a polite conditional, owning a lapse or plain understanding is neither.
  it.each([
    ["If you'd sent everything we asked for, you'd have your loan by now.", 'en', 'blame', true],
    ['Had you told us, we could have helped.', 'en', 'blame', true],
    ['Na ja, dann hätten Sie sich vielleicht ein ruhigeres Lokal aussuchen sollen.', 'de', 'blame', true],
    ['Wenn Sie den Antrag vollständig eingereicht hätten, hätten wir längst entschieden.', 'de', 'blame', true],
    ['Hätten Sie vorher angerufen, hätten wir das sofort erledigt.', 'de', 'blame', true],
    ["You have to understand, a kitchen can't just cook something special for every guest.", 'en', 'lecturing', true],
    ['Mr Kessler, as a businessman you should know that insulting people never gets you anywhere.', 'en', 'lecturing', true],
    ['Sie müssen verstehen, dass wir das nicht einfach so machen können.', 'de', 'lecturing', true],
    ['Als Geschäftsmann sollten Sie wissen, dass ohne BWA nichts geht.', 'de', 'lecturing', true],
    ['Herr Kessler, ich erkläre Ihnen mal, wie eine Kreditprüfung läuft.', 'de', 'lecturing', true],
    ['Dass es so lange dauert, liegt an Ihnen, Herr Kessler.', 'de', 'blame', true],
    // the fault placed with the customer in so many words, and the same words placing it elsewhere
    ['The delay is on your side: we have been waiting three weeks for your documents.', 'en', 'blame', true],
    ['To be honest, it was your own payments that triggered the block.', 'en', 'blame', true],
    ["The problem isn't the bank, it's that you tried to send more than your limit allows.", 'en', 'blame', true],
    ['Das Problem liegt nicht bei der Bank, sondern daran, dass Sie mehr überweisen wollten.', 'de', 'blame', true],
    ['Ehrlich gesagt haben Sie die Sperre selbst ausgelöst.', 'de', 'blame', true],
    ['The delay is not on your side: our credit team is behind.', 'en', 'blame', false],
    ["The problem isn't your application, it's our system, and I'm sorry.", 'en', 'blame', false],
    ["The issue isn't the app - it's your phone's old operating system, which I can help you update.", 'en', 'blame', false],
    ['Das Problem liegt nicht bei Ihnen, sondern bei uns.', 'de', 'blame', false],
    ['Haben Sie die Sperre vielleicht selbst ausgelöst, ohne es zu merken?', 'de', 'blame', false],
    ['Ich erkläre Ihnen gern schon mal den Ablauf.', 'de', 'lecturing', false],
    ['Das liegt nicht an Ihnen, die Leitung gehört uns.', 'de', 'blame', false],
    ['Das liegt an uns, nicht an Ihnen.', 'de', 'blame', false],
    ['Es liegt an Ihnen, welchen Termin Sie wählen.', 'de', 'blame', false],
    ["If you'd like, we could have someone call you tomorrow.", 'en', 'blame', false],
    ["If you'd ever like it, I'd be glad to show you the app.", 'en', 'blame', false],
    ['If you had any trouble with the form, I would be glad to help.', 'en', 'blame', false],
    ['Wenn Sie möchten, hätten wir morgen um zehn einen Termin frei.', 'de', 'blame', false],
    ['Das hätten Sie von mir persönlich erfahren müssen, das tut mir leid.', 'de', 'blame', false],
    ['Wir hätten Sie sofort informieren müssen.', 'de', 'blame', false],
    ['Nein, das hätten Sie nicht müssen.', 'de', 'blame', false],
    ['I understand you need this today; here is what I can do.', 'en', 'lecturing', false],
    ['Sie müssen das nicht verstehen, ich erkläre es Ihnen gern.', 'de', 'lecturing', false],
  ] as const)('"%s" (%s) carries %s: %s', (reply, lang, flag, carries) => {
    const finding = assess(reply, lang);
    expect(finding.flags.includes(flag)).toBe(carries);
    if (carries) expect(finding.score).toBeLessThanOrEqual(2);
  });

  it('treats negated blame as calm', () => {
    expect(assess("I'm not blaming you, let's fix it together.", 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess("It's not your fault, the system failed.", 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('Das ist nicht Ihre Schuld, das System hatte einen Fehler.', 'de').score).toBeGreaterThanOrEqual(4);
  });

  it('still flags blame that carries its own negation', () => {
    expect(assess("You didn't read the contract.", 'en').flags).toContain('blame');
    expect(assess('Sie haben die Unterlagen nicht gelesen.', 'de').flags).toContain('blame');
  });

  it('distinguishes a named insult (a calm boundary) from a used one', () => {
    expect(assess("'Idiot' is not a word I accept.", 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('You called me an idiot; I will not accept that.', 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('„Idiot“ ist kein Wort, das ich akzeptiere.', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess('Sie haben mich einen Idioten genannt, das akzeptiere ich nicht.', 'de').score).toBeGreaterThanOrEqual(4);
    // the verb comes last in German, five words after the insult (Mr Kessler's trainee had been told the reply attacked him)
    expect(assess('Herr Kessler, als Amateur lasse ich mich nicht bezeichnen.', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess('Als Trottel möchte ich von Ihnen bitte nicht bezeichnet werden.', 'de').score).toBeGreaterThanOrEqual(4);
    // the word rejected or set aside is named, not used (these had been graded as insults back)
    expect(assess('Trottel bin ich nicht. Ich buche die Abbuchung gerade zurück.', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess('Den Trottel überhöre ich mal. Ich buche die Abbuchung gerade zurück.', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess('Die Bemerkung mit dem Idioten lasse ich beiseite.', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess("I'm going to ignore the moron comment. Your refund is on its way.", 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('Sie Trottel, ich bin fertig mit Ihnen.', 'de').score).toBeLessThanOrEqual(2);
    expect(assess('Sie Amateur, so was würde ich nie sagen.', 'de').score).toBeLessThanOrEqual(2);
    expect(assess('You are an idiot.', 'en')).toMatchObject({ score: 1, flags: ['insult'] });
    expect(assess('Idiot!', 'de')).toMatchObject({ score: 1, flags: ['insult'] });
  });

  it('matches German compound insults by their head', () => {
    for (const word of ['Vollidiot', 'Riesentrottel', 'Schwachkopf', 'Volltrottel']) {
      expect(assess(`Sie ${word}!`, 'de')).toMatchObject({ score: 1, flags: ['insult'] });
    }
    expect(assess('Was für ein Saftladen.', 'de').score).toBeLessThanOrEqual(2);
    expect(assess('Das ist ein Drecksladen.', 'de').flags).toContain('profanity');
  });

  it('does not take ordinary words for compound insults', () => {
    expect(assess('Der Marsch durch die Instanzen dauert leider.', 'de').score).toBe(5);
    expect(assess('Dummerweise ist das Formular nur auf Papier verfügbar, ich schicke es Ihnen zu.', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess('Die Verbindung war kurz gestört, ich bin wieder da.', 'de').score).toBe(5);
  });

  it('does not read sympathetic remarks about a situation as insults', () => {
    expect(assess("This is crazy, I'm so sorry it happened.", 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('This was a failure on our part, and I apologise.', 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('Let me check the git log and the garbage collection settings for you.', 'en').score).toBe(5);
    expect(assess('Das ist ja verrückt, dass Ihre Karte nicht ankam. Ich kümmere mich darum.', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess('Da haben Sie aber Schwein gehabt!', 'de').score).toBeGreaterThanOrEqual(4);
    expect(assess('Es ist eine Schande, dass Sie so lange warten mussten.', 'de').score).toBeGreaterThanOrEqual(4);
    // but a weak adjective said of a person still insults
    expect(assess('Your colleague? He is lazy.', 'en').flags).toContain('insult');
  });

  it('reads a dismissive interjection only when it stands alone', () => {
    expect(assess('Whatever.', 'en')).toMatchObject({ score: 2, flags: ['dismissive'] });
    expect(assess('Whatever caused it, let us get your card working again today.', 'en').score).toBe(5);
    expect(assess('Egal.', 'de')).toMatchObject({ score: 2, flags: ['dismissive'] });
    expect(assess('Egal, ob Sie online oder in der Filiale bestellen: die Karte kommt in drei Tagen.', 'de').score).toBe(5);
  });

  it('does not penalise the recommended boundary wording', () => {
    expect(assess("I won't accept personal insults. Let's get back to your transfer so I can help you.", 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('As I said, I will not continue with insults. If this goes on, I will end the call.', 'en').score).toBeGreaterThanOrEqual(4);
    expect(assess('Beleidigungen nehme ich nicht hin. Lassen Sie uns zu Ihrer Überweisung zurückkommen.', 'de').score).toBeGreaterThanOrEqual(4);
  });

  it('treats a sudden "du" to a customer addressed with "Sie" as a slight, but informal address alone as fine', () => {
    expect(assess('Klar, gib mir mal deine Nummer.', 'de', 'Können Sie mir helfen?')).toMatchObject({ score: 3, flags: ['condescending'] });
    expect(assess('Klar, gib mir deine Nummer, dann schaue ich nach.', 'de', 'Kannst du mir helfen?').score).toBe(5);
    expect(assess('Klar, gib mir deine Nummer, dann schaue ich nach.', 'de', 'Hallo, meine Karte geht nicht.').score).toBe(5);
  });

  it('rates "halt die Klappe" as hostile', () => {
    expect(assess('Halt die Klappe!', 'de').score).toBe(1);
    expect(assess('Halten Sie doch mal die Klappe.', 'de').score).toBe(1);
  });

  it('rates threats as hostile', () => {
    expect(assess('Ich weiß, wo Sie wohnen.', 'de')).toMatchObject({ score: 1, flags: ['threat'] });
    expect(assess("I'll make you pay for this.", 'en')).toMatchObject({ score: 1, flags: ['threat'] });
  });

  it('rates shouting as not composed, and one exclamation mark as fine', () => {
    expect(assess('I TOLD YOU THIS ALREADY, READ THE LETTER', 'en').flags).toContain('shouting');
    expect(assess('Stop it!!!', 'en')).toMatchObject({ score: 2, flags: ['shouting'] });
    expect(assess('Gern geschehen!', 'de').score).toBe(5);
    expect(assess('Your IBAN and PIN are safe with us.', 'en').score).toBe(5);
  });

  it('does not read capitalised hashtags or handles as shouting', () => {
    expect(assess('Thanks for the tip, I have passed it on to #SUPPORT #TEAM #LEAD right away.', 'en').score).toBe(5);
    expect(assess('THANKS FOR THE TIP, I HAVE PASSED IT ON.', 'en').flags).toContain('shouting');
  });

  it('reads a censored swear word as swearing, but not Markdown bold', () => {
    expect(assess('Das ist ein Sch*** System, tut mir leid.', 'de')).toMatchObject({ score: 2, flags: ['profanity'] });
    expect(assess('Sorry, this F****** app again.', 'en')).toMatchObject({ score: 2, flags: ['profanity'] });
    expect(assess('Please read the **new** terms: the fee is refunded.', 'en').score).toBe(5);
  });

  it('reads a counter-attack as blame even when it holds a "not"', () => {
    expect(assess("Well, at least I don't shout at people like you do.", 'en').flags).toContain('blame');
    expect(assess('Ich schreie wenigstens nicht so herum wie Sie.', 'de').score).toBeLessThanOrEqual(2);
    expect(assess("At least we don't charge a fee for that, so you can transfer it today.", 'en').score).toBe(5);
  });

  it('rates policy-hiding as stiff and a bare "No." as curt', () => {
    expect(assess("I'm afraid that's company policy.", 'en').score).toBe(3);
    expect(assess('No.', 'en').score).toBe(4);
    expect(assess('Nein.', 'de').score).toBe(4);
    // a short polite answer is not curt, umlauts included
    expect(assess('Selbstverständlich, gern!', 'de').score).toBe(5);
    expect(assess('Natürlich.', 'de').score).toBe(5);
  });

  it('quotes the words that drove the score as written', () => {
    const finding = assess('Look, that is YOUR OWN FAULT, sir.', 'en');
    expect(finding.evidence).toContain('YOUR OWN FAULT');
  });

  it('rates a warm, factual reply 5 with no flags or evidence', () => {
    expect(assess("I'm sorry this happened. I've refunded the fee; you'll see it tomorrow.", 'en')).toEqual({ score: 5, flags: [], evidence: [], severity: 5 });
  });
});

describe('assessComposure: severity', () => {
  it('stays inside the score band and falls with every further finding', () => {
    const one = assess('Good luck with that.', 'en');
    const two = assess('Good luck with that. Nice try.', 'en');
    const many = assess('Oh great. Good luck with that. Nice try. Cry me a river. Who asked. Big surprise. Boo hoo.', 'en');
    expect(one.score).toBe(2);
    expect(two.score).toBe(2);
    expect(one.severity).toBe(2);
    expect(two.severity).toBeLessThan(one.severity ?? 0);
    expect(many.severity).toBeLessThan(two.severity ?? 0);
    expect(many.severity).toBeGreaterThan(1);
  });

  it('takes less off for a milder finding than for another one at the same level', () => {
    const sameLevel = assess('Who asked. Nice try.', 'en');
    const milder = assess('Who asked? lol.', 'en');
    expect([sameLevel.score, milder.score]).toEqual([2, 2]);
    expect(milder.severity).toBeGreaterThan(sameLevel.severity ?? 0);
  });
});

describe('assessComposure: mockery without a rude word', () => {
  it('reads a taunting question as condescending, but the same words as a statement as calm', () => {
    expect(assess('Are you twelve?', 'en').flags).toContain('condescending');
    expect(assess('Are you twelve?', 'en').score).toBeLessThanOrEqual(2);
    expect(assess('Wollen Sie einen Orden?', 'de').score).toBeLessThanOrEqual(2);
    // "Ist es so schwer" only taunts as a question; the same words in a statement are an explanation
    expect(assess('Ist das so schwer?', 'de').score).toBeLessThanOrEqual(2);
    expect(assess('Deshalb ist es so schwer, einen Termin zu finden, aber ich bleibe dran.', 'de').score).toBe(5);
  });

  it('reads an exaggerated "because" with nothing after it as sarcastic agreement, and a plain reason or one with a main clause as an explanation', () => {
    expect(assess('Sure, because that is all my fault.', 'en')).toMatchObject({ score: 2, flags: ['sarcasm'] });
    expect(assess('Sure, because the card expired, we will send a new one today.', 'en').score).toBe(5);
    expect(assess('Klar, weil das ja alles an mir liegt.', 'de')).toMatchObject({ score: 2, flags: ['sarcasm'] });
    expect(assess('Klar, weil die Karte abgelaufen ist, schicke ich Ihnen heute eine neue.', 'de').score).toBe(5);
    // a plain reason without exaggeration answers a question
    expect(assess('Yeah, because the system was down.', 'en').score).toBe(5);
    expect(assess('Genau, weil die Karte abgelaufen ist.', 'de').score).toBe(5);
  });

  it('keeps "Wow" beside thanks as meant, and lets two different minor slips add up to a stiff reply', () => {
    expect(assess('Wow, thank you so much!', 'en').score).toBe(5);
    expect(assess('Wow, vielen Dank!', 'de').score).toBe(5);
    expect(assess('Wow. We will look at it.', 'en').score).toBe(4);
    expect(assess('Wow. We will look at it lol.', 'en').score).toBe(3);
  });

  it('reads an eye-roll as contempt and tears of laughter as a slip, in a reply that is otherwise calm', () => {
    expect(assess('I will check your booking now 🙄', 'en')).toMatchObject({ score: 3, flags: ['dismissive'] });
    expect(assess('Ich prüfe Ihre Buchung sofort 😂', 'de').score).toBe(4);
    expect(assess('Ich prüfe Ihre Buchung sofort 🙂', 'de').score).toBe(5);
  });

  it('reads laughing at the customer as a slip, but laughing along with a customer who jokes as rapport', () => {
    const customer = 'Haha, I think my cat walked over the keyboard again.';
    expect(assessComposure({ reply: 'Haha, cats are the best co-workers! I will reset the password.', customer, lang: 'en' }).score).toBe(5);
    expect(assessComposure({ reply: 'Haha, I will reset the password.', customer: 'My card was stolen!', lang: 'en' }).score).toBe(4);
    expect(
      assessComposure({
        reply: 'Haha, Katzen sind die besten Kollegen! Ich setze das Passwort zurück.',
        customer: 'Meine Katze war wohl an der Tastatur ;-)',
        lang: 'de',
      }).score,
    ).toBe(5);
    expect(assessComposure({ reply: 'Haha, ich setze das Passwort zurück.', customer: 'Meine Karte wurde gestohlen!', lang: 'de' }).score).toBe(4);
  });

  it("reads mock concern for the customer's mood as condescending", () => {
    expect(assess('Looks like someone woke up on the wrong side of the bed.', 'en').flags).toContain('condescending');
    expect(assess('Na, da hat wohl jemand schlecht geschlafen?', 'de').flags).toContain('condescending');
    expect(assess('Someone from our team will call you back today.', 'en').score).toBe(5);
    expect(assess('Jemand aus unserem Team ruft Sie heute zurück.', 'de').score).toBe(5);
  });
});

describe('assessComposure: robustness', () => {
  const hostile = 'You idiot. ';

  it('never throws on empty, whitespace or emoji-only replies', () => {
    expect(assess('', 'en').score).toBeGreaterThanOrEqual(1);
    expect(assess('   \n ', 'de').flags).toEqual([]);
    expect(assess('😡😡😡', 'en').score).toBe(4);
  });

  it('sees through zalgo, zero-width characters, RTL overrides and null bytes', () => {
    const zalgo = 'Y\u0301\u0316o\u0354u\u0352 i\u0327d\u0358i\u0301o\u0316t';
    expect(assess(zalgo, 'en').flags).toContain('insult');
    expect(assess('You i\u200Bd\u200Ci\u200Do\uFEFFt', 'en').flags).toContain('insult');
    expect(assess('\u202EYou idiot\u202C', 'en').flags).toContain('insult');
    expect(assess('You\u0000 idiot', 'en').flags).toContain('insult');
  });

  it('handles replies of many thousand characters, keeping evidence bounded', () => {
    const long = `${'Ich prüfe das gern für Sie. '.repeat(200)}Sie Vollidiot.`;
    expect(long.length).toBeGreaterThan(4000);
    const finding = assess(long, 'de');
    expect(finding.score).toBe(1);
    const flood = assess(hostile.repeat(1000), 'en');
    expect(flood.score).toBe(1);
    expect(flood.evidence.length).toBeLessThanOrEqual(6);
  });

  it('handles emoji floods and repeated punctuation without flagging calm text', () => {
    expect(assess(`${'🙂'.repeat(3000)} Danke für Ihre Geduld.`, 'de').score).toBe(5);
    expect(assess(`Okay${'?'.repeat(5000)}`, 'en').score).toBeGreaterThanOrEqual(3);
  });

  it('returns only known flags', () => {
    const known: readonly ComposureFlag[] = FlagSchema.options;
    const finding = assess('SHUT UP, you moron!!! Your own fault. Whatever, genius.', 'en');
    for (const flag of finding.flags) expect(known).toContain(flag);
  });
});

/** Every string under an `example` key of the feedback texts: the model answers the grader suggests. */
function exampleReplies(node: unknown, underExample = false): string[] {
  if (typeof node === 'string') return underExample ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((item) => exampleReplies(item, underExample));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => exampleReplies(value, underExample || /example/i.test(key)));
  }
  return [];
}

describe("assessComposure on the grader's own example replies", () => {
  it.each([
    ['de', feedbackDe],
    ['en', feedbackEn],
  ] as const)('rates every %s model answer composed and calm (5)', (lang, texts) => {
    const examples = exampleReplies(texts);
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) {
      const reply = example.replace(/\{\w+\}/g, 'Konto');
      expect({ reply, finding: assessComposure({ reply, customer: '', lang }) }).toMatchObject({ finding: { score: 5 } });
    }
  });
});
