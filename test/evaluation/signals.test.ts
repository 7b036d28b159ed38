import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/evaluation/grader-patterns.js';
import {
  asksForTime,
  assessSignals,
  onlyDeclines,
  overpromises,
  ownsContact,
  promisedTime,
  summarises,
  windsUp,
  withoutOpeningAssent,
} from '../../src/evaluation/signals.js';

import type { Language } from '../../src/evaluation/grade.js';

// German lines use German words the English lexicon does not know, and the reverse.
const GERMAN = /\b(?:ich|sie|ihnen|das|die|der|und|nicht|wir|wenn|sonst|noch|bitte|vielen|auf)\b/i;
const languageOf = (reply: string): Language => (GERMAN.test(reply) ? 'de' : 'en');
const signals = (reply: string, lang: Language = languageOf(reply)) => assessSignals(prepare(reply), lang);

describe('offersSolution', () => {
  it.each([
    "I'll send you a replacement card today.",
    'I will call you back by 3 pm.',
    'Let me check the booking for you.',
    'Shall we meet on Thursday to go through it?',
    "I'll put it to the committee the day your accounts arrive.",
    'Ich werde Ihren Antrag morgen dem Ausschuss vorlegen.',
    "You'll receive the refund within two working days.",
    'Ich rufe Sie bis 15 Uhr zurück.',
    'Ich schicke Ihnen heute eine neue Karte.',
    'Heute noch schicke ich Ihnen die Unterlagen.',
    'Ich werde die Buchung sofort stornieren.',
    'Wollen wir einen Termin vereinbaren?',
    'Sie erhalten die Gutschrift bis Freitag.',
    'Ich kümmere mich sofort darum.',
    // the steps of a café or a hotel, and a limit raised during the call
    'I can pick a nice slice and bring it with a candle after the soup.',
    "I'll keep the window table for you until one.",
    'Ich reserviere Ihnen den Tisch am Fenster.',
    'Ich hole Ihnen gern eine Decke.',
    'Verstehe, dann hebe ich das Limit jetzt an.',
    // going through the file, and a second step joined by "und" with the subject left out
    "I'll go through your file as soon as we hang up and call you back by four.",
    'Let me go through the invoice with you line by line.',
    'Ich gehe Ihre Akte direkt nach unserem Gespräch durch.',
    'Ich gehe jetzt ins Lager und rufe Sie in zehn Minuten zurück.',
    // moving, swapping, holding, putting aside: the steps of a hotel, a shop, a queue (each had been
    // told to offer a step)
    "I'm going to move you to a room where it works.",
    "I'll swap it for a smaller size today.",
    "I'm flagging yours as urgent.",
    "I'll put one aside for you.",
    'I can hold the room until six.',
    "I'll have breakfast boxed up for you at five.",
    "Let me see what's left in the stockroom.",
    'Ich verlege Sie in ein ruhigeres Zimmer.',
    'Ich merke Ihnen den Termin vor.',
    'Ich lege Ihnen eine Jacke in Größe M zurück.',
    'Ich markiere Ihren Antrag als dringend.',
    "I'll look into it, and you'll hear from me by Friday.",
    "I'll look into your bill now.",
    // a first step taken during the call (Mr Petersen's and Mr Kessler's trainees had been answered as if nothing moved)
    "Will do. You're in a car park with a dealer waiting, so no detours - I'm looking at your transfer.",
    'Let me pull up your application.',
    "Let me start by pulling up your application, so we're both looking at the same thing.",
    "I'm pulling up your file now.",
    'Machen wir. Ich hab Ihr Konto geöffnet und sehe mir die Überweisung an.',
    'Ich habe Ihren Antrag aufgerufen.',
    'Tippen Sie die Bestätigung an, die ich Ihnen gerade in die App geschickt habe.',
    // a step the kitchen or a colleague takes, offered by the trainee
    'Etwas Weiches – da kann die Küche ihm eine Kartoffelsuppe pürieren oder ein Stück Torte ohne Boden machen.',
    'The kitchen can make him a soft omelette, or mash some potatoes.',
  ])('sees a concrete next step in "%s"', (reply) => {
    expect(signals(reply).offersSolution).toBe(true);
  });

  it.each([
    "I can't send you a new card.",
    'We will see.',
    'Someone will probably look into it at some point.',
    'That is not possible.',
    'Eine neue Karte kann ich Ihnen leider nicht schicken.',
    'Da kann ich nichts machen.',
    'Ich sehe das anders.',
    'Watch your tone, or I will end this call.',
    "I can't keep doing this all day.",
    'Ich hole mal tief Luft.',
    // letting the matter rest is no step: Ms Albrecht is not offered anything here
    'Would you like to tell me what happened, or shall we leave it for now?',
    // a procedure the customer has to go through is no step offered to them
    "Well, I'll need to go through the usual security questions first.",
    "We'll need to go through security first, like everyone else.",
    // "we'll look into it" and no more: labellers read it as no step (7 of 8 training replies)
    'We will look into it.',
    "We'll look into this.",
    "I'm holding two other calls.",
    "I'm getting really tired of this.",
    "I can't hold the room, sorry.",
    'Ich lege Wert auf Pünktlichkeit.',
    "I'm looking forward to hearing from you.",
    "I'm raising this because it matters.",
    'Ich schaue mir das nicht länger an.',
    'Den Brief, den ich Ihnen im März geschickt habe, haben Sie ja.',
    'Die Küche kann leider nichts anderes machen.',
    "The kitchen can't make anything else today.",
  ])('sees no next step in "%s"', (reply) => {
    expect(signals(reply).offersSolution).toBe(false);
  });

  it('keeps an offer after a refusal in another clause', () => {
    expect(signals("I can't waive the fee, but I'll ask my manager today.").offersSolution).toBe(true);
    expect(signals('Die Gebühr kann ich nicht erlassen, aber ich frage heute meine Leiterin und melde mich morgen.').offersSolution).toBe(true);
  });

  it('reads what a company does as a rule as practice, not as an offer to this customer', () => {
    expect(signals('Na ja, ganz ohne Vorwarnung war das nicht, wir schicken bei ungewöhnlichen Zahlungen immer eine SMS.').offersSolution).toBe(false);
    expect(signals('We always send a text when a payment looks unusual.').offersSolution).toBe(false);
    expect(signals('Normally we refund within five days.').offersSolution).toBe(false);
    // the practice in one clause does not take back the step in the next
    expect(signals('We usually send a text, but I will unblock the card for you now.').offersSolution).toBe(true);
  });

  it('notes whether the step names a time', () => {
    expect(signals('I will call you back by 3 pm.').solutionHasTime).toBe(true);
    expect(signals('Ich melde mich morgen bei Ihnen.').solutionHasTime).toBe(true);
    expect(signals('I will call you back.').solutionHasTime).toBe(false);
    // two-digit hours: "at 10:30" and "by 11" had been no time at all
    expect(signals('I will call you back at 10:30.').solutionHasTime).toBe(true);
    expect(signals("I'll have the refund through by 11.").solutionHasTime).toBe(true);
    expect(signals('I can call you on Thursday at 10.').solutionHasTime).toBe(true);
    expect(signals('I will call you back about the 2024 statement.').solutionHasTime).toBe(false);
  });

  it('takes a step done during the call as timed, though it promises no time to hold the trainee to', () => {
    for (const reply of ['Ich hebe die Sperre jetzt auf, während Sie dranbleiben.', 'Ich prüfe das, während Sie dranbleiben.']) {
      expect(signals(reply, 'de').solutionHasTime, reply).toBe(true);
      expect(promisedTime(prepare(reply), 'de'), reply).toBeUndefined();
    }
    expect(signals("I'll lift the block while you stay on the line.", 'en').solutionHasTime).toBe(true);
    // "jetzt" in a sentence that offers nothing times nothing
    expect(signals('Ich kann jetzt leider nichts machen.', 'de').solutionHasTime).toBe(false);
  });
});

it('quotes the offer, not the long run-up of its sentence', () => {
  // The strength had quoted "Tell her it was the bank's fault, not yours - and enjoy dinner tonight
  // on us: I'm…", cut off before the step it praised.
  const late = signals(
    "Tell her it was the bank's fault, not yours - and enjoy dinner tonight on us: I'm refunding the hotline trouble with a 50 euro credit.",
    'en',
  );
  expect(late.solutionQuote).toBe("…I'm refunding the hotline trouble with a 50 euro credit.");
  const german = signals(
    'Sagen Sie Ihrer Frau ruhig, dass das unser Fehler war und nicht Ihrer, und wissen Sie was: ich erstatte Ihnen die Gebühr heute noch.',
    'de',
  );
  expect(german.solutionQuote).toBe('…ich erstatte Ihnen die Gebühr heute noch.');
  // a short sentence, or an offer near its start, is quoted from the start
  expect(signals("I'll refund the fee today, and I'm sorry the hotline left you waiting so long on your holiday.", 'en').solutionQuote).toMatch(
    /^I'll refund the fee today/,
  );
});

describe('endsConversation', () => {
  it.each([
    "I'm ending this call now.",
    'I am going to hang up now.',
    'This conversation is over.',
    'Ich beende das Gespräch jetzt.',
    'Ich lege jetzt auf.',
    'Thank you for calling. Goodbye!',
    'Vielen Dank. Auf Wiederhören!',
    'Ich wünsche Ihnen einen schönen Tag.',
  ])('sees the end in "%s"', (reply) => {
    expect(signals(reply).endsConversation).toBe(true);
  });

  it.each([
    'If this goes on, I will end the call.',
    'One more insult and I will hang up.',
    'Wenn Sie mich weiter beleidigen, beende ich das Gespräch.',
    'Noch eine Beleidigung, und ich lege auf.',
    'Bitte legen Sie nicht auf, ich helfe Ihnen gern.',
    "Goodbye? No, please don't hang up, let's sort this out.",
    'Ich lege Ihnen eine neue Karte bei.',
    'I will close the ticket once the card arrives, and we can talk again tomorrow.',
  ])('sees no end in "%s"', (reply) => {
    expect(signals(reply).endsConversation).toBe(false);
  });

  it('marks a conditional announcement as a warning, and a plain one as an explicit end', () => {
    expect(signals('If this goes on, I will end the call.')).toMatchObject({ warnsOfEnding: true, endsExplicitly: false });
    expect(signals('Sonst beende ich das Gespräch.')).toMatchObject({ warnsOfEnding: true, endsExplicitly: false });
    expect(signals('I am ending the call now.')).toMatchObject({ warnsOfEnding: false, endsExplicitly: true });
    // the verb before its subject after a clause, as German has it
    expect(signals('Wenn Sie weiter so laut werden, muss ich das Gespräch beenden.', 'de')).toMatchObject({ warnsOfEnding: true, endsExplicitly: false });
    expect(signals('Wie angekündigt, muss ich das Gespräch jetzt beenden.', 'de')).toMatchObject({ warnsOfEnding: false, endsExplicitly: true });
    expect(signals('Den Vertrag müssen wir leider beenden, wenn die Zahlung ausbleibt.', 'de')).toMatchObject({ warnsOfEnding: false, endsExplicitly: false });
  });

  it('reads a goodbye only at the end of the reply', () => {
    expect(signals('Goodbye to the old fees: from today your account is free. What else can I do?').endsConversation).toBe(false);
  });
});

describe('a vague promise', () => {
  it('is no offered step, unless a time or what it means comes with it', () => {
    // Dr Hartmann's trainee: „Vielen Dank für Ihren Hinweis. Wir kümmern uns darum." had calmed her
    for (const [reply, lang] of [
      ['Sehr geehrte Frau Dr. Hartmann, vielen Dank für Ihren Hinweis. Wir kümmern uns darum. Viele Grüße', 'de'],
      ['Das ist natürlich ärgerlich, wir kümmern uns darum.', 'de'],
      ['Danke, ich melde mich.', 'de'],
      ["Thanks for flagging it, we'll look into it.", 'en'],
      ["I'll get back to you.", 'en'],
    ] as const) {
      expect(signals(reply, lang).offersSolution, reply).toBe(false);
    }
    for (const [reply, lang] of [
      ['Wir kümmern uns darum und melden uns bis Freitag.', 'de'],
      ['Ich kümmere mich darum, dass die Karte heute rausgeht.', 'de'],
      ["I'll get back to you by Friday.", 'en'],
      ["I'll look into it today and call you by four.", 'en'],
      ["I'll take care of it. I'm setting the out-of-office now.", 'en'],
    ] as const) {
      expect(signals(reply, lang).offersSolution, reply).toBe(true);
    }
  });
});

describe('promisedTime', () => {
  it.each([
    ['en', "Mr Brandt, I'll deal with this personally. Give me ten minutes and I'll call you back.", 'ten minutes'],
    ['en', "I'll ring you again next Tuesday at eleven.", 'next Tuesday at eleven'],
    ['en', "I'll call you back by four this afternoon with the list.", 'by four this afternoon'],
    ['en', 'I will call you at 3 pm.', 'at 3 pm'],
    ['en', 'I will send you the signed schedule by Wednesday noon.', 'by Wednesday noon'],
    ['de', 'Ich prüfe die Unterlagen, und Sie haben bis spätestens Freitag die Entscheidung.', 'bis spätestens Freitag'],
    ['de', 'Ich schicke Ihnen in den nächsten zehn Minuten per Mail die Liste.', 'in den nächsten zehn Minuten'],
    ['de', 'Ich rufe Sie bis sechzehn Uhr zurück.', 'bis sechzehn Uhr'],
    ['de', 'Geben Sie mir zwanzig Minuten, dann rufe ich Sie zurück.', 'zwanzig Minuten'],
    // asking for the time is the promise, with no offer verb beside it
    ['de', 'Geben Sie mir drei Minuten, dann ist die Freigabe in Ihrer App.', 'drei Minuten'],
    ['en', "Give me two minutes and it's done.", 'two minutes'],
  ] as const)('takes the whole time of an offered step (%s) in "%s"', (lang, reply, time) => {
    expect(promisedTime(prepare(reply), lang)).toBe(time);
  });

  it('finds a time outside the offer patterns only when another reader saw a timed step', () => {
    const reply = prepare("I'll have a bowl of soup at your table in five minutes.");
    expect(promisedTime(reply, 'en')).toBeUndefined();
    expect(promisedTime(reply, 'en', true)).toBe('in five minutes');
    // a known step named after the promise (the kitchen's) had hidden the time promised before it
    const withKitchen = prepare("I'll have a bowl of soup at your table in five minutes - the kitchen will make an exception for you.");
    expect(promisedTime(withKitchen, 'en')).toBe('in five minutes');
    expect(promisedTime(prepare('Ich weiß, dass Sie morgen verreisen – ich schicke Ihnen die Karte ins Hotel.'), 'de')).toBeUndefined();
    expect(promisedTime(prepare("If you're free today - I'll send the form over."), 'en')).toBeUndefined();
  });

  it('reads seconds as a time', () => {
    expect(promisedTime(prepare('Ich schicke die Überweisung ab, sie ist in Sekunden beim Händler.'), 'de', true)).toBe('in Sekunden');
    expect(promisedTime(prepare("I'll send it now; it reaches the dealer within seconds."), 'en', true)).toBe('within seconds');
    expect(signals("I'll resend the code in a few seconds.").solutionHasTime).toBe(true);
  });

  it('reads one minute as a time in German too', () => {
    expect(promisedTime(prepare('Wasser und Karte bringe ich Ihnen in einer Minute, und dann nehme ich Ihre Bestellung auf.'), 'de')).toBe('in einer Minute');
  });

  it("takes the trainee's own time, not the customer's part before it", () => {
    // Mr Kessler had answered "Today. I'm writing that down" to "send them today and I'll put the
    // application forward tomorrow"
    const kessler = prepare("What's missing is your annual accounts; send them today and I'll put the application forward tomorrow.");
    expect(promisedTime(kessler, 'en', true)).toBe('tomorrow');
    expect(promisedTime(prepare('Schicken Sie mir die Unterlagen heute, dann lege ich den Antrag morgen vor.'), 'de', true)).toBe('morgen');
    // where the step is the customer's to receive, its time is the promise
    expect(promisedTime(prepare("The replacement goes out today and you'll have it on Friday."), 'en', true)).toBe('on Friday');
  });

  it('takes no time from a clause that refuses', () => {
    // Ms Albrecht had answered "Today. Yes … that would be all right." to a promise not to talk business today
    const call = prepare("Yes, and I'm sorry to call again. I won't talk about the deposit today. I only wanted to check you're all right.");
    expect(promisedTime(call, 'en', true)).toBeUndefined();
    expect(promisedTime(prepare('Über die Anlage spreche ich heute nicht. Ich wollte nur hören, wie es Ihnen geht.'), 'de', true)).toBeUndefined();
    expect(promisedTime(prepare("I won't keep you long. I'll have the papers with you by Friday."), 'en', true)).toBe('by Friday');
  });

  it('knows asking for time from naming one', () => {
    expect(asksForTime(prepare('Give me five minutes, please.'))).toBe(true);
    expect(asksForTime(prepare('Geben Sie mir bitte zwei Minuten.'))).toBe(true);
    expect(asksForTime(prepare('It took me five minutes to find it.'))).toBe(false);
    expect(asksForTime(prepare('Give me your card number.'))).toBe(false);
  });

  it('names no time for a step without one, nor for a time in a sentence that offers nothing', () => {
    expect(promisedTime(prepare("I'll send you the form."), 'en', false)).toBeUndefined();
    expect(promisedTime(prepare('I waited on hold for ten minutes too. I will look into it.'), 'en')).toBeUndefined();
  });

  it("takes the time of the offer's own clause, or of a clause that is only the time, never a time said about something else", () => {
    // lunch starts at twelve; what is promised is the soup now: "At twelve? Then we'll wait" would mishear her
    const lunch = prepare('Lunch starts at twelve, but the soup of the day is ready already, and that we can serve now.');
    expect(promisedTime(lunch, 'en')).toBeUndefined();
    // nor when the model saw a time: the known offer has none of its own
    expect(promisedTime(lunch, 'en', true)).toBeUndefined();
    expect(promisedTime(prepare("It sounds as if today matters a lot to you both - I'll make sure he gets something warm."), 'en', true)).toBeUndefined();
    expect(promisedTime(prepare("By Friday, I'll send you the new card."), 'en')).toBe('By Friday');
    expect(promisedTime(prepare("I'll call you back, by three at the latest."), 'en')).toBe('by three');
    expect(promisedTime(prepare('Mittagstisch ist ab zwölf, aber die Suppe kann ich Ihnen jetzt schon bringen.'), 'de', true)).toBeUndefined();
    expect(promisedTime(prepare('Bis Freitag schicke ich Ihnen die Karte.'), 'de')).toBe('Bis Freitag');
  });

  it("never takes the time of a condition for the promise: that part is the customer's", () => {
    const committee = prepare("If you send them today, I'll put the application to the committee on Thursday.");
    expect(promisedTime(committee, 'en')).toBe('on Thursday');
    // an offer the patterns do not know, timed by another reader: still not "today"
    expect(promisedTime(prepare("If you send them today, I'll have an answer for you on Thursday."), 'en', true)).toBe('on Thursday');
    expect(promisedTime(prepare('Wenn Sie mir die Unterlagen heute schicken, haben Sie am Donnerstag eine Antwort.'), 'de', true)).not.toMatch(/heute/i);
  });
});

describe('windsUp', () => {
  it('finds a preamble announced as such, in both languages', () => {
    expect(windsUp(prepare('Before we start, let me just explain a little about how our daily limits work.'), 'en')).toBe(true);
    expect(windsUp(prepare('To give you some background: transfers above the limit are held.'), 'en')).toBe(true);
    expect(windsUp(prepare('Lassen Sie mich kurz ausholen, damit Sie das Verfahren verstehen.'), 'de')).toBe(true);
    expect(windsUp(prepare('Bevor wir ins Detail gehen: Wie lange sind Sie schon Kunde?'), 'de')).toBe(true);
    // with a word between the announcement and "explain" (Mr Petersen's trainee had been told it was clear and to the point)
    expect(windsUp(prepare('Zunächst möchte ich Ihnen kurz erklären, wie unsere Tageslimits funktionieren.'), 'de')).toBe(true);
    expect(windsUp(prepare('Vorab will ich Ihnen einmal schildern, wie das Verfahren abläuft.'), 'de')).toBe(true);
    expect(windsUp(prepare("First I'd like to briefly explain how our daily limits work."), 'en')).toBe(true);
    // the little words in any order, and the listener named („Ihnen", "to you")
    expect(windsUp(prepare('Lassen Sie mich Ihnen zunächst kurz erklären, wie unsere Tageslimits funktionieren.'), 'de')).toBe(true);
    expect(windsUp(prepare('Let me first explain to you why there is a daily limit at all.'), 'en')).toBe(true);
  });

  it('leaves a reply that leads with the answer alone', () => {
    expect(windsUp(prepare("No, it hasn't gone out: it's over your daily limit. Confirm the increase in your app."), 'en')).toBe(false);
    expect(windsUp(prepare('Let me check that for you right now.'), 'en')).toBe(false);
    // starting with a step is no preamble; starting with an explanation is
    expect(windsUp(prepare("Let me start by pulling up your application, so we're both looking at the same thing."), 'en')).toBe(false);
    expect(windsUp(prepare('Let me start by explaining how our limits work.'), 'en')).toBe(true);
    expect(windsUp(prepare('Nein, die Überweisung liegt über Ihrem Tageslimit. Ich hebe es jetzt an.'), 'de')).toBe(false);
    expect(windsUp(prepare('Zuerst hebe ich Ihr Limit an, dann erkläre ich Ihnen gern den Rest.'), 'de')).toBe(false);
    expect(windsUp(prepare("First I'll raise the limit; I can explain the rest afterwards."), 'en')).toBe(false);
    expect(windsUp(prepare('Lassen Sie mich kurz nachsehen, dann sage ich es Ihnen.'), 'de')).toBe(false);
  });
});

describe('ownsContact', () => {
  it.each([
    ['en', 'Let me give you my direct number. If anything goes wrong, call me, not the hotline.'],
    ['en', 'You can reach me directly on 0161 555 0123.'],
    ['en', "From now on I'm your single point of contact."],
    ['en', 'Ask for me at the desk tomorrow.'],
    ['de', 'Hier ist meine Durchwahl: 089 123 45-67.'],
    ['de', 'Rufen Sie mich einfach direkt an, nicht die Hotline.'],
    ['de', 'Ich bin ab jetzt Ihre feste Ansprechpartnerin.'],
    ['de', 'Fragen Sie an der Rezeption einfach nach mir.'],
  ] as const)('finds the trainee taking the customer on personally (%s): %s', (lang, text) => {
    expect(ownsContact(prepare(text), lang)).toBe(true);
  });

  it.each([
    ['en', 'Please call the hotline on 0800 123 456.'],
    ['en', 'You can reach the claims team directly on 0800 123.'],
    ['de', 'Wenden Sie sich bitte an die Hotline.'],
    ['de', 'Die Kollegen erreichen Sie direkt unter 0800 123.'],
  ] as const)('does not take sending the customer elsewhere for it (%s): %s', (lang, text) => {
    expect(ownsContact(prepare(text), lang)).toBe(false);
  });
});

describe('overpromises', () => {
  it('finds the sentence that guarantees an outcome', () => {
    const reply = prepare('Ja. Keine Sorge, das Geld ist garantiert in fünf Minuten beim Händler, versprochen.');
    expect(overpromises(reply, 'de')).toBe('Keine Sorge, das Geld ist garantiert in fünf Minuten beim Händler, versprochen.');
    expect(overpromises(prepare('Das klappt hundertprozentig heute noch.'), 'de')).toBeDefined();
    expect(overpromises(prepare('The money will be with the dealer in five minutes, guaranteed.'), 'en')).toBeDefined();
    expect(overpromises(prepare('I promise you it will go through today.'), 'en')).toBeDefined();
  });

  it("leaves a guarantee withheld and a promise of the trainee's own action alone", () => {
    expect(overpromises(prepare('Dass das Geld in fünfzehn Minuten beim Händler ist, kann ich nicht versprechen.'), 'de')).toBeUndefined();
    expect(overpromises(prepare('Eine Garantie kann ich Ihnen dafür nicht geben.'), 'de')).toBeUndefined();
    expect(overpromises(prepare('Ich verspreche Ihnen, dass ich Sie bis 15 Uhr zurückrufe.'), 'de')).toBeUndefined();
    expect(overpromises(prepare("I can't guarantee the exact minute, though."), 'en')).toBeUndefined();
    expect(overpromises(prepare("I promise I'll call you back by three."), 'en')).toBeUndefined();
  });
});

describe('onlyDeclines', () => {
  it.each([
    ['Ob das Geld in einer Viertelstunde beim Händler ist, kann ich Ihnen aber nicht versprechen.', true],
    ["I can't promise it arrives within fifteen minutes.", true],
    ["I can't refund it, but I'll send you a voucher today.", false],
    ['Die Gebühr kann ich nicht erlassen, aber ich frage heute meine Leiterin.', false],
    ["I'll call you back by three.", false],
  ] as const)('"%s" only says what will not happen: %s', (sentence, expected) => {
    expect(onlyDeclines(sentence)).toBe(expected);
  });
});

describe('proposesContact', () => {
  const proposes = (lang: 'de' | 'en', reply: string) => assessSignals(prepare(reply), lang).proposesContact;

  it('finds a proposal of a call, a talk or a meeting, in both languages', () => {
    for (const reply of ['Would Wednesday at 10 work for a call?', 'Shall we have a quick chat tomorrow?', "I'd like to meet you next week to go through it."])
      expect(proposes('en', reply), reply).toBe(true);
    for (const reply of ['Sollen wir am Mittwoch kurz telefonieren?', 'Passt Ihnen Donnerstag für ein kurzes Gespräch?', 'Darf ich Sie morgen früh anrufen?'])
      expect(proposes('de', reply), reply).toBe(true);
  });

  it("finds a talk offered beside the written answer, and a callback (Dr Hartmann's trainee had been told to propose contact after one)", () => {
    for (const reply of [
      'Happy to talk it through on the phone too.',
      "We can also go through it over the phone if that's easier.",
      "I'll call you tomorrow morning.",
    ])
      expect(proposes('en', reply), reply).toBe(true);
    for (const reply of [
      'Gern besprechen wir das auch am Telefon.',
      'Das können wir gern telefonisch klären.',
      'Ich rufe Sie morgen früh an.',
      'Ich komme nächste Woche gern bei Ihnen vorbei.',
    ])
      expect(proposes('de', reply), reply).toBe(true);
    for (const reply of ["We can't discuss it on the phone for security reasons.", 'Ich rufe gleich die Kollegin an.'])
      expect(proposes(reply.startsWith('Ich') ? 'de' : 'en', reply), reply).toBe(false);
  });

  it('leaves a call mentioned without proposing one', () => {
    for (const reply of ['Your call was cut off by the system, not by us.', "Let's look at the phone first.", 'I can see you called twice yesterday.'])
      expect(proposes('en', reply), reply).toBe(false);
    for (const reply of ['Ihr Anruf ist bei uns angekommen.', 'Wir haben gestern telefoniert, das stimmt.']) expect(proposes('de', reply), reply).toBe(false);
  });
});

describe('leavesChoice', () => {
  it.each([
    'Is there something I can take off your plate, or shall I simply leave the deposit as it is for the moment?',
    'Shall I call you in a few weeks, or would you rather ring me?',
    'Call me whenever it suits you.',
    "We can talk about it when you're ready.",
    "It's entirely up to you.",
    'Soll ich mich in ein paar Wochen melden, oder möchten Sie sich lieber selbst melden?',
    'Oder sollen wir das Festgeld erst einmal so lassen?',
    'Rufen Sie mich an, wenn Ihnen danach ist.',
    'Lassen wir die Anlage erst einmal so, wie es ist.',
    'Das entscheiden ganz Sie.',
    // the door left open (Ms Albrecht's trainee was told to offer control over timing after it)
    "If you ever want to talk, I'm here.",
    "I'm here whenever you need me.",
    'Wenn Sie irgendwann reden möchten, bin ich da.',
    'Ich bin für Sie da, wenn Sie mögen.',
  ])('finds the choice left to the customer: %s', (reply) => {
    expect(signals(reply).leavesChoice).toBe(true);
  });

  it.each([
    "I'll call you back tomorrow at ten.",
    'Would you like a card or a transfer?',
    'Ich rufe Sie morgen um zehn zurück.',
    'Wenn Sie die Unterlagen schicken, lege ich den Antrag vor.',
    "If you want to talk to my manager, I'll put you through now.",
    'I am here to help with the card.',
  ])('does not read a step or a plain question as a choice of timing: %s', (reply) => {
    expect(signals(reply).leavesChoice).toBe(false);
  });
});

describe('withoutOpeningAssent', () => {
  it.each([
    ['Natürlich, Frau Albrecht. Ich halte Sie nicht auf.', 'Ich halte Sie nicht auf.'],
    ['Of course, Ms Albrecht. I will not keep you.', 'I will not keep you.'],
    ['Klar. Ja, gern. Ich schicke es Ihnen heute.', 'Ja, gern. Ich schicke es Ihnen heute.'],
    ['Aber natürlich, Herr Dr. Brandt! Die Karte ist frei.', 'Die Karte ist frei.'],
  ])('leaves out an opening sentence of assent and a name: %j', (reply, rest) => {
    expect(withoutOpeningAssent(prepare(reply))).toBe(rest);
  });

  it.each(['Natürlich.', 'Of course you can call me.', 'Natürlich haben Sie recht. Ich prüfe es.', 'Sure, whatever. Go ahead.'])(
    'keeps a reply that is only the assent, or opens otherwise: %j',
    (reply) => {
      expect(withoutOpeningAssent(prepare(reply))).toBeUndefined();
    },
  );
});

describe('summarises', () => {
  const said = (lang: Language, reply: string) => summarises(prepare(reply), lang);

  it('finds a restatement announced as one, in both languages', () => {
    for (const reply of [
      "If I've understood you correctly, you paid twice and the refund never came.",
      "Let me check I've got this right: the card was blocked at the hotel.",
      'To sum up: two payments, one refund. Is that a fair summary?',
      'Have I got that right?',
    ])
      expect(said('en', reply), reply).toBe(true);
    for (const reply of [
      'Wenn ich Sie richtig verstehe, wurde zweimal abgebucht.',
      'Kurz zusammengefasst: Die Karte ist gesperrt und die Hotline war nicht erreichbar.',
      'Habe ich das richtig verstanden?',
      'Ich fasse kurz zusammen: …',
    ])
      expect(said('de', reply), reply).toBe(true);
  });

  it('leaves replies that only understand or agree', () => {
    for (const reply of ['I understand.', 'I see what you mean, and I will fix it.', 'Right, I get it.']) expect(said('en', reply), reply).toBe(false);
    for (const reply of ['Ich verstehe Sie.', 'Das kann ich gut verstehen.', 'Da haben Sie recht.']) expect(said('de', reply), reply).toBe(false);
  });
});
