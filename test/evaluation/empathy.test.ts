import { describe, expect, it } from 'vitest';
import { assessComposure } from '../../src/evaluation/composure.js';
import { assessEmpathy, griefMissteps, type EmpathyAssessment } from '../../src/evaluation/empathy.js';
import type { Language, Turn } from '../../src/evaluation/grade.js';
import { prepare } from '../../src/evaluation/grader-patterns.js';

function empathy(lang: Language, customer: string, reply: string, options: { focus?: string[]; history?: Turn[] } = {}): EmpathyAssessment {
  const composure = assessComposure({ reply, customer, lang });
  return assessEmpathy({
    reply: prepare(reply),
    customer,
    history: options.history ?? [],
    lang,
    focus: options.focus ?? [],
    composureFlags: composure.flags,
    composureScore: composure.score,
  });
}

const CARD = 'My card was blocked abroad and I could not pay for the hotel!';
const KARTE = 'Meine Karte wurde im Urlaub gesperrt und ich konnte das Hotel nicht bezahlen!';

describe('empathy sub-scores', () => {
  it('scores a bare business reply as no empathy at all', () => {
    const result = empathy('en', CARD, 'Your card number, please.');
    expect(result).toMatchObject({ score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0 });
  });

  it('scores "I understand" as a generic acknowledgement (3)', () => {
    expect(empathy('en', CARD, 'I understand.')).toMatchObject({ score: 3, interpretation: 1 });
    expect(empathy('de', KARTE, 'Ich verstehe.')).toMatchObject({ score: 3, interpretation: 1 });
  });

  it('does not take "I don\'t understand" or "nicht nachvollziehbar" for empathy', () => {
    expect(empathy('en', CARD, "I don't understand what you want.").interpretation).toBe(0);
    expect(empathy('de', KARTE, 'Das ist für mich nicht nachvollziehbar.').interpretation).toBe(0);
    expect(empathy('de', KARTE, 'Ich verstehe nicht, was Sie meinen.').interpretation).toBe(0);
  });

  it('counts a named feeling as specific interpretation in both languages', () => {
    expect(empathy('en', CARD, 'Being stuck at the hotel without a card must be really worrying.').interpretation).toBe(2);
    expect(empathy('de', KARTE, 'Ohne Karte im Hotel festzusitzen, ist wirklich beunruhigend.').interpretation).toBe(2);
  });

  it('counts anger named in strong words (furious, livid, empört) as a named feeling', () => {
    expect(empathy('en', CARD, 'A week without a working card - no wonder the delay makes you furious.').interpretation).toBe(2);
    expect(empathy('en', CARD, 'Stranded at the hotel desk, anyone would be livid.').interpretation).toBe(2);
    expect(empathy('de', KARTE, 'Eine Woche ohne Karte im Urlaub – kein Wunder, dass Sie empört sind.').interpretation).toBe(2);
  });

  it("counts an acknowledgement tied to the customer's own words as specific", () => {
    const result = empathy('en', CARD, 'I understand, the card got blocked while you were at the hotel.');
    expect(result.interpretation).toBe(2);
    expect(result.score).toBeGreaterThanOrEqual(4);
  });

  it("does not take the customer's name said back for a tie to what they said", () => {
    const mail = "Good afternoon,\nI have to cancel Thursday's review meeting. Please send me the status in writing.\nHartmann";
    expect(empathy('en', mail, 'Dear Dr Hartmann, thank you for letting me know - no problem.').interpretation).toBe(1);
    expect(empathy('en', mail, 'Dear Dr Hartmann, thank you for letting me know about the review meeting.').interpretation).toBe(2);
    const brief = 'Guten Tag,\nich muss den Termin am Donnerstag absagen.\nHartmann';
    expect(empathy('de', brief, 'Sehr geehrte Frau Dr. Hartmann, danke für Ihre Nachricht.').interpretation).toBeLessThan(2);
  });

  it('reads "I know …" about what the customer goes through as an acknowledgement, not "I know what I\'m doing"', () => {
    const lift = 'My lift is broken and I am losing jobs every day.';
    expect(empathy('en', lift, 'I know the broken lift is costing you jobs every day.').interpretation).toBe(2);
    expect(empathy('en', lift, "I know what I'm doing.").interpretation).toBe(0);
    expect(empathy('en', lift, 'I know your type.').interpretation).toBe(0);
    const buehne = 'Die Hebebühne ist kaputt, ich verliere jeden Tag Aufträge.';
    expect(empathy('de', buehne, 'Ich weiß, dass Sie das jeden Tag Aufträge kostet.').interpretation).toBe(2);
    expect(empathy('de', buehne, 'Ich weiß, was ich tue.').interpretation).toBe(0);
  });

  it('ties German compounds to their parts', () => {
    const customer = 'Meine Kreditkartenabrechnung ist schon wieder falsch!';
    expect(empathy('de', customer, 'Ich verstehe, die Abrechnung ist wieder falsch.').interpretation).toBe(2);
    // the same acknowledgement without the customer's words stays generic
    expect(empathy('de', customer, 'Ich verstehe, das ist so.').interpretation).toBe(1);
  });

  it('finds a feeling inside a German compound', () => {
    expect(empathy('de', KARTE, 'Ich kann mir den Riesenärger gut vorstellen.').interpretation).toBe(2);
  });

  it('does not read "don\'t worry" or "keine Sorge" as naming a worry', () => {
    expect(empathy('en', CARD, "Don't worry.").interpretation).toBe(0);
    expect(empathy('de', KARTE, 'Keine Sorge.').interpretation).toBe(0);
  });

  it('gives specific warmth for an intensified or situation-tied apology, generic for a bare sorry', () => {
    expect(empathy('en', CARD, 'Sorry.').emotionalReaction).toBe(1);
    expect(empathy('en', CARD, "I'm really sorry.").emotionalReaction).toBe(2);
    expect(empathy('en', CARD, "I'm sorry your card was blocked at the hotel.").emotionalReaction).toBe(2);
    expect(empathy('de', KARTE, 'Das tut mir wirklich leid.').emotionalReaction).toBe(2);
  });

  it('does not count an apology that softens a refusal as specific warmth', () => {
    expect(empathy('en', CARD, "Sorry, I can't unblock the card.").emotionalReaction).toBe(1);
    expect(empathy('de', KARTE, 'Tut mir leid, die Karte kann ich nicht entsperren.').emotionalReaction).toBe(1);
  });

  it('separates open questions about the customer from factual and hostile ones', () => {
    expect(empathy('en', CARD, 'What happened at the hotel?').exploration).toBe(2);
    expect(empathy('de', KARTE, 'Wie geht es Ihnen jetzt damit?').exploration).toBe(2);
    expect(empathy('de', KARTE, 'Erzählen Sie mir gern, was passiert ist.').exploration).toBe(2);
    expect(empathy('en', CARD, 'What is your card number?').exploration).toBe(1);
    expect(empathy('de', KARTE, 'Wie lautet Ihre Kundennummer?').exploration).toBe(1);
    expect(empathy('en', CARD, 'Is it the card ending in 42?').exploration).toBe(1);
    expect(empathy('en', CARD, "Why didn't you call us before you left?").exploration).toBe(0);
    expect(empathy('de', KARTE, 'Was denken Sie sich eigentlich?').exploration).toBe(0);
  });

  it('reads what the trainee hears in her voice now as the situation named', () => {
    // „Sie klangen, als …" was known, the present tense was not (Ms Albrecht, German)
    const ALBRECHT = 'Ich will in Ruhe gelassen werden. Rufen Sie nicht mehr an!';
    expect(empathy('de', ALBRECHT, 'Sie klingen, als wäre heute ein sehr schwerer Tag.').interpretation).toBe(2);
    expect(empathy('de', ALBRECHT, 'Sie wirken, als hätte Sie etwas sehr getroffen.').interpretation).toBe(2);
    expect(empathy('de', ALBRECHT, 'Die Unterlagen klingen, als wären sie vollständig.').interpretation).toBe(0);
  });

  it('reads a question asked with a word of tact first as the invitation it is', () => {
    // Dr Hartmann's trainee asked what had changed since the takeover and read empathy 2
    const HARTMANN = 'Donnerstag, 8:30 Uhr, zwanzig Minuten. Mehr ist diese Woche nicht drin.';
    expect(empathy('de', HARTMANN, 'Darf ich vorab fragen, ob sich bei Ihnen seit der Übernahme etwas verändert hat?').exploration).toBe(2);
    expect(empathy('de', HARTMANN, 'Darf ich Sie ganz offen fragen, wie es Ihnen mit dem neuen Chef geht?').exploration).toBe(2);
    expect(empathy('en', CARD, 'May I first ask whether anything has changed on your side?').exploration).toBe(2);
    expect(empathy('en', CARD, 'Can I briefly ask how the rest of the trip is going?').exploration).toBe(2);
    // the same tact asking for data stays a closed question
    expect(empathy('de', KARTE, 'Darf ich vorab fragen, ob Sie Ihre Kundennummer zur Hand haben?').exploration).toBe(1);
  });

  it('gives 5 only for specific empathy with more (warmth or an open question)', () => {
    expect(empathy('en', CARD, 'That must have been really stressful. What happened at the hotel?').score).toBe(5);
    expect(empathy('en', CARD, 'That must have been really stressful.').score).toBe(4);
  });
});

describe('empathy regardless of letter case', () => {
  it('reads capitalised words and quotes them as written', () => {
    const result = empathy('de', KARTE, 'Das Tut Mir Wirklich Leid. ÄRGERLICH, wirklich.');
    expect(result.emotionalReaction).toBe(2);
    expect(result.interpretation).toBe(2);
    expect(result.evidence).toContain('Das Tut Mir Wirklich Leid.');
    expect(empathy('en', CARD, 'I UNDERSTAND.').quotes.generic).toBe('I UNDERSTAND.');
  });
});

describe('empathy that is undone', () => {
  it('holds "I understand, but that is policy" at 2 or below', () => {
    expect(empathy('en', CARD, "I understand, but that's the policy.").score).toBeLessThanOrEqual(2);
    expect(empathy('de', KARTE, 'Ich verstehe Sie, aber da kann ich nichts machen.').score).toBeLessThanOrEqual(2);
  });

  it('holds "I understand, but it is your own fault" at 2 or below', () => {
    const result = empathy('en', CARD, "I understand, but that's your own fault.");
    expect(result.score).toBeLessThanOrEqual(2);
    expect(result.limits).toContain('hostile');
  });

  it('keeps "I understand, but let me see what I can do" as real empathy', () => {
    expect(empathy('en', CARD, 'I understand your frustration, but let me see what I can do.').score).toBeGreaterThanOrEqual(4);
  });

  it('holds sarcastic politeness at 2 or below', () => {
    expect(empathy('en', CARD, 'Oh great, I am so sorry, genius.').score).toBeLessThanOrEqual(2);
    expect(empathy('de', KARTE, 'Na toll, herzlichen Glückwunsch, das tut mir aber leid.').score).toBeLessThanOrEqual(2);
  });

  it('treats "I\'m sorry you feel that way" and "no need to get upset" as dismissing the feeling', () => {
    expect(empathy('en', CARD, "I'm sorry you feel that way.").score).toBeLessThanOrEqual(2);
    expect(empathy('en', CARD, 'There is no need to get upset.').limits).toContain('feeling_dismissed');
    expect(empathy('de', KARTE, 'Regen Sie sich doch nicht so auf.').score).toBeLessThanOrEqual(2);
  });

  it('gives less when the same formula was the whole empathy of the previous reply', () => {
    const history: Turn[] = [
      { role: 'customer', text: CARD },
      { role: 'trainee', text: 'Ich verstehe Ihren Ärger.' },
    ];
    const fresh = empathy('de', 'Und die App geht auch nicht!', 'Ich verstehe Ihren Ärger.');
    const repeated = empathy('de', 'Und die App geht auch nicht!', 'Ich verstehe Ihren Ärger.', { history });
    expect(repeated.score).toBe(fresh.score - 1);
    expect(repeated.limits).toContain('repeated_formula');
  });

  it('does not call a reply hollow that says the formula again beside something new about this customer', () => {
    // Ms Albrecht's second call: "I'm sorry" again, but with what the trainee noticed the day before
    const history: Turn[] = [
      { role: 'customer', text: "Fixed deposit? I couldn't care less. Leave me in peace, and never call again!" },
      { role: 'trainee', text: "Ms Albrecht, I'm sorry, I didn't mean to intrude." },
    ];
    const reply = "I'm sorry to call again. I only wanted to check you're all right, you didn't sound like yourself yesterday.";
    const result = empathy('en', 'Albrecht. You again. I thought I had made myself clear.', reply, { history });
    expect(result.interpretation).toBe(2);
    expect(result.limits).not.toContain('repeated_formula');
    expect(empathy('en', 'You again.', "I'm sorry.", { history }).limits).toContain('repeated_formula');
  });

  it('hears the situation named in an idiom or in what the trainee noticed', () => {
    // Mr Kessler's and Ms Albrecht's trainees had been answered as if nothing had been named
    const kessler = 'Ich verliere jeden Tag Aufträge, weil meine Bühne steht!';
    expect(empathy('de', kessler, 'Jeden Tag Aufträge wegschicken zu müssen – das geht an die Substanz.').interpretation).toBe(2);
    expect(empathy('en', 'I lose jobs every day while the lift is down!', 'Turning work away every day – that wears anyone down.').interpretation).toBe(2);
    expect(empathy('en', 'You again?', "Yesterday you didn't sound like the Ms Albrecht I know.").interpretation).toBe(2);
    // the moment read from her voice (Ms Albrecht's trainee had been told to say what she noticed)
    const never = 'Ich will keinen Termin. Rufen Sie hier nicht mehr an!';
    expect(empathy('de', never, 'Oh, Entschuldigung, Frau Albrecht. Ich störe offenbar gerade sehr.').interpretation).toBe(2);
    expect(empathy('de', never, 'Entschuldigen Sie, ich erwische Sie offenbar in einem schlechten Moment.').interpretation).toBe(2);
    expect(empathy('en', "Don't ever call me again!", "I'm sorry, Ms Albrecht - I've caught you at a bad moment.").interpretation).toBe(2);
    // heavy news named as such (Ms Albrecht's trainee had been praised only for staying calm)
    const cancer = 'Es ist … Krebs. Ich habe es noch kaum jemandem gesagt.';
    expect(empathy('de', cancer, 'Das ist eine schwere Nachricht, Frau Albrecht, danke, dass Sie es mir sagen.').interpretation).toBe(2);
    expect(empathy('en', "It's cancer. I've hardly told anyone.", "That's such hard news, Ms Albrecht. Thank you for telling me.").interpretation).toBe(2);
    // the same words about something else name nothing
    expect(empathy('de', kessler, 'Die Bühne geht an die Werkstatt zurück.').interpretation).toBe(0);
    expect(empathy('en', 'Any news on my loan?', 'Good news: the loan is approved.').interpretation).toBe(0);
    expect(empathy('de', never, 'Ich störe offenbar die Leitung, ich rufe gleich zurück.').interpretation).toBe(0);
  });

  it('does not count as repetition when new empathy words are added', () => {
    const history: Turn[] = [{ role: 'trainee', text: 'I understand.' }];
    const result = empathy('en', CARD, "I understand. I'm really sorry about the hotel.", { history });
    expect(result.limits).not.toContain('repeated_formula');
  });
});

describe('grief focus', () => {
  const GRIEF = 'My wife passed away in spring. I cannot think about money.';
  const TRAUER = 'Meine Frau ist im Frühjahr gestorben. Ich kann an Geld gerade nicht denken.';

  it('caps empathy at 2 for a product push, but only with the grief focus', () => {
    const reply = "I'm so sorry for your loss. Anyway, back to your portfolio: our new fund is a great offer.";
    expect(empathy('en', GRIEF, reply, { focus: ['grief'] }).score).toBeLessThanOrEqual(2);
    expect(empathy('en', GRIEF, reply).score).toBeGreaterThanOrEqual(4);
  });

  it('caps empathy at 2 for forced cheerfulness in both languages', () => {
    expect(empathy('en', GRIEF, "I'm sorry. Chin up, it'll be fine!", { focus: ['grief'] }).limits).toContain('grief_cheer');
    const german = empathy('de', TRAUER, 'Das tut mir leid. Kopf hoch, das wird schon wieder!', { focus: ['grief'] });
    expect(german.score).toBeLessThanOrEqual(2);
    expect(german.limits).toContain('grief_cheer');
  });

  it("reads pressing the caller's own matter as a push, and taking the pressure off as none", () => {
    const pushes = [
      'I understand, Ms Albrecht, but your deposit matures in three weeks and we really do need to talk about it.',
      "I know. But the deposit really won't wait. We need a decision by the fifteenth.",
      'Ich weiß, aber wir müssen uns wirklich bald zusammensetzen. Das Festgeld wartet nicht.',
      'Trotzdem brauchen wir bis zum Fünfzehnten eine Entscheidung zur Wiederanlage.',
      // the agenda made small, or its deadline put to her (Ms Albrecht's trainee had been praised as "clear and to the point")
      "Oh come on, Ms Albrecht, it's only a quick appointment, it won't take long.",
      'Your deposit matures in three weeks.',
      'Ach, Frau Albrecht, das ist doch nur ein kurzer Termin.',
      'Ihr Festgeld läuft in drei Wochen aus.',
      // a comma after "now" still turns to business; the bank's shelf put before her
      'Not to worry! Now, about your savings - there is a bond paying four per cent.',
      'We currently have a green fund with excellent returns, if you are interested.',
    ];
    for (const reply of pushes) expect(griefMissteps(prepare(reply)).push, reply).toBeDefined();
    const relief = [
      "I'm not calling about the deposit today.",
      'Nothing has to be decided now; the deposit can wait.',
      'Heute müssen Sie gar nichts entscheiden, der Termin kann warten.',
      "I'll call again on Monday at ten, and if you'd rather I didn't, that's fine too.",
      "I'm sorry - this wasn't the right time. I'll leave you in peace.",
      'Your deposit can wait until it suits you.',
      'Das Festgeld kann warten, das ist jetzt nicht wichtig.',
      'We have a quiet room with a sofa, if you would like to sit down.',
    ];
    for (const reply of relief) expect(griefMissteps(prepare(reply)), reply).toEqual({});
  });

  it('reads relief from paperwork and "a great deal to take in" as care, not as a push or forced cheer', () => {
    const care = [
      "That's a great deal to take in within one week. Thank you for telling me.",
      "I'm so sorry about your mum. Don't worry about anything here - the room's settled.",
      "You don't need to decide anything today. I'll keep the booking open.",
      "I can't leave the account in his name, but it doesn't need paperwork from you: I'll move it on this call.",
      'Sie müssen das jetzt nicht entscheiden. Ich halte Ihre Buchung bis Ende April.',
      'Machen Sie sich keine Sorgen um die Rechnung, die stelle ich zurück.',
      'Den Ticketpreis kann ich bei diesem Tarif nicht erstatten, die Gebühren schon.',
      'Mit einer Vorsorgevollmacht dürfen Sie das für Ihre Mutter erledigen.',
    ];
    for (const reply of care) expect(griefMissteps(prepare(reply)), reply).toEqual({});
    // the same words still count where they sell or wave the feeling away
    expect(griefMissteps(prepare("Don't worry, it'll all work out.")).cheer).toBeDefined();
    expect(griefMissteps(prepare('Keine Sorge.')).cheer).toBeDefined();
    expect(griefMissteps(prepare("We've got a great deal on savings accounts right now.")).push).toBeDefined();
    expect(griefMissteps(prepare('Darf ich Sie auf unsere Sterbegeldversicherung hinweisen?')).push).toBeDefined();
  });

  it('scores quiet presence without business talk as specific', () => {
    const result = empathy('de', TRAUER, 'Mein aufrichtiges Beileid. Über Geld müssen wir heute nicht sprechen.', { focus: ['grief'] });
    expect(result.score).toBeGreaterThanOrEqual(4);
    expect(result.limits).toEqual([]);
  });
});

describe('Sie and du', () => {
  it('leaves the "du" slight to composure instead of deducting it again', () => {
    const customer = 'Können Sie mir bitte sagen, wo meine Überweisung ist?';
    const formal = empathy('de', customer, 'Das ist ärgerlich, ich verstehe Sie. Ich schaue nach.');
    const informal = empathy('de', customer, 'Das ist ärgerlich, ich verstehe dich. Ich schaue nach.');
    const composure = assessComposure({ reply: 'Das ist ärgerlich, ich verstehe dich. Ich schaue nach.', customer, lang: 'de' });
    expect(composure.flags).toContain('condescending');
    expect(composure.score).toBeLessThan(5);
    expect(informal.score).toBe(formal.score);
  });
});
