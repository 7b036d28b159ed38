import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/app/simulator.js';
import { factsIn } from '../../src/engine/listening.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import type { Persona } from '../../src/personas/persona-schema.js';

/**
 * Simulated conversations in which the trainee gives the customer each thing they want to know, one
 * reply at a time, through the real engine and the shipped grader. Once a fact is given, no later
 * customer line may ask for it (every stage's asking lines for it are checked), whatever line the
 * script draws.
 */
const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

const CONVERSATIONS: Record<string, Record<'en' | 'de', string[]>> = {
  insulting: {
    en: [
      "Mr Kessler, I won't accept insults, but I do want to sort out your loan with you today.",
      'Two things are still missing: your latest management accounts and the cost estimate for the lift.',
      "As soon as they're in, the credit committee decides by Friday, and I'll call you straight away.",
      "Mr Wolters retired last month, and I've taken over his clients, you included.",
      'Is there anything else about the application I can explain?',
    ],
    de: [
      'Herr Kessler, Beleidigungen nehme ich nicht hin, aber ich möchte Ihren Kredit heute mit Ihnen klären.',
      'Es fehlen noch zwei Dinge: Ihre aktuelle BWA und der Kostenvoranschlag für die Hebebühne.',
      'Sobald beides da ist, gibt es bis Freitag eine Entscheidung, und ich rufe Sie sofort an.',
      'Herr Wolters ist letzten Monat in den Ruhestand gegangen; ich habe seine Kunden übernommen, auch Sie.',
      'Gibt es noch etwas zum Antrag, das ich Ihnen erklären kann?',
    ],
  },
  frustrated: {
    en: [
      "Forty-five minutes on hold and then cut off, with your card blocked abroad – I understand why you're furious, Mr Brandt.",
      "The block came from our fraud early-warning system, and I've just lifted it, so your card works again in two minutes.",
      "For tonight I'll call the hotel reception myself and confirm the payment for you.",
      "And here is my direct number, so you'll never need the hotline for this again.",
    ],
    de: [
      'Fünfundvierzig Minuten Warteschleife und dann aus der Leitung geflogen, mit gesperrter Karte im Ausland – ich verstehe Ihren Ärger, Herr Brandt.',
      'Die Sperre kam von unserem Betrugsfrühwarnsystem; ich habe sie gerade aufgehoben, Ihre Karte funktioniert in zwei Minuten wieder.',
      'Für heute Abend rufe ich selbst an der Hotelrezeption an und bestätige die Zahlung für Sie.',
      'Und hier ist meine Durchwahl, damit Sie nie wieder in die Hotline müssen.',
    ],
  },
  'impatient-caller': {
    en: [
      'Yes, it works today: the transfer was over your daily limit, so confirm the new limit in your banking app now.',
      "Once you've confirmed it, the instant transfer reaches the dealer within seconds; I can't guarantee the exact minute, though.",
      "I'll send you a payment confirmation for the dealer right after the transfer.",
    ],
    de: [
      'Ja, das klappt heute: Die Überweisung lag über Ihrem Tageslimit, bestätigen Sie jetzt das neue Limit in Ihrer Banking-App.',
      'Danach ist das Geld per Echtzeitüberweisung in Sekunden beim Händler; die genaue Minute kann ich nicht garantieren.',
      'Ich schicke Ihnen direkt danach eine Zahlungsbestätigung für den Händler.',
    ],
  },
  'unusual-request': {
    en: [
      "Of course – what a lovely idea. I'll ask the kitchen to bring the pumpkin soup now, before twelve.",
      'For your father the kitchen can do the apple cake without the base, just the filling with a little cream – nice and soft.',
      "And I'll bring a candle with the cake, without him noticing beforehand.",
    ],
    de: [
      'Aber gern – was für eine schöne Idee. Ich sage der Küche, dass sie die Kürbissuppe jetzt schon bringt, vor zwölf.',
      'Für Ihren Vater kann die Küche den Apfelkuchen ohne Boden machen, nur die Füllung mit etwas Sahne – schön weich.',
      'Und zum Kuchen bringe ich eine Kerze, ohne dass er es vorher merkt.',
    ],
  },
  'drifting-client': {
    en: [
      'Dear Dr Hartmann, I am sorry about the confusion over the dates – that is on me. Could we talk on the phone on Thursday?',
      'The interface will go live on the 28th of this month; I have confirmed that with the team today. The delay was because our test environment was not ready.',
      'Mr Vogt has taken over as your project manager, and I remain your account manager.',
      'I have also cancelled the wrong October invoice and will send you a corrected one.',
    ],
    de: [
      'Sehr geehrte Frau Dr. Hartmann, die Verwirrung um die Termine tut mir leid – das geht auf mich. Können wir am Donnerstag telefonieren?',
      'Die Schnittstelle geht am 28. dieses Monats live; das habe ich heute mit dem Team bestätigt. Verschoben hat es sich, weil unsere Testumgebung nicht bereit war.',
      'Herr Vogt hat die Projektleitung übernommen, und ich bleibe Ihr Ansprechpartner.',
      'Die falsche Oktoberrechnung habe ich storniert, Sie erhalten eine korrigierte.',
    ],
  },
  grieving: {
    en: [
      "I'm sorry, Ms Albrecht, I've caught you at a bad moment. I won't keep you.",
      'I was worried after yesterday and wanted to ask how you are – not about the deposit. Nothing is wrong with your account.',
      'That sounds like a great deal to carry. Please take all the time you need; nothing about the money has to be decided now.',
      "Thank you for telling me. When you're ready, we can keep everything safe and simple, and your daughter can come along.",
    ],
    de: [
      'Entschuldigen Sie, Frau Albrecht, ich erwische Sie in einem schlechten Moment. Ich halte Sie nicht auf.',
      'Ich habe mir nach gestern Sorgen gemacht und wollte fragen, wie es Ihnen geht – nicht wegen des Festgelds. Mit Ihrem Konto ist alles in Ordnung.',
      'Das klingt nach sehr viel, was Sie gerade tragen. Lassen Sie sich alle Zeit; über das Geld muss jetzt nichts entschieden werden.',
      'Danke, dass Sie es mir sagen. Wenn Sie so weit sind, legen wir alles sicher und einfach an, und Ihre Tochter kann dabei sein.',
    ],
  },
};

/** Every line, in any stage, that asks for the fact. */
function askingLines(persona: Persona, lang: 'en' | 'de', fact: string): Set<string> {
  return new Set(Object.values(persona.stages).flatMap((stage) => stage.asks?.[fact]?.[lang] ?? []));
}

describe.each(Object.entries(CONVERSATIONS))('%s never asks again for what the trainee gave', (personaId, byLang) => {
  const persona = personas.require(personaId);
  it.each(['en', 'de'] as const)('%s', async (lang) => {
    const replies = byLang[lang];
    // a fact is given by the persona's patterns, or by an act the grader read (`givenBy`)
    const factsOf = (reply: string, acts: readonly string[]) => [
      ...factsIn(persona, lang, reply),
      ...Object.entries(persona.facts ?? {})
        .filter(([, fact]) => fact.givenBy?.some((act) => acts.includes(act)) === true)
        .map(([id]) => id),
    ];
    for (const seed of [0, 0.5, 0.99]) {
      const played = await createSimulator(personas, { random: () => seed }).play(personaId, lang, replies);
      // the conversation gives every fact the persona declares
      const givenSomewhere = new Set(replies.flatMap((reply, index) => factsOf(reply, played.acts[index] ?? [])));
      expect([...givenSomewhere].sort(), `seed ${seed}`).toEqual(Object.keys(persona.facts ?? {}).sort());
      const given = new Set<string>();
      const reAsks: string[] = [];
      played.lines.slice(1).forEach((line, index) => {
        for (const fact of factsOf(replies[index] ?? '', played.acts[index] ?? [])) given.add(fact);
        for (const fact of given) if ([...askingLines(persona, lang, fact)].some((asking) => line.text.includes(asking))) reAsks.push(`${fact}: ${line.text}`);
      });
      expect(reAsks, `seed ${seed}`).toEqual([]);
    }
  });
});

describe('a fact is given only when it is named', () => {
  const petersen = personas.get('impatient-caller');
  it('takes "I can\'t promise when the dealer sees it" as the answer to when the money arrives (found playing Mr Petersen)', () => {
    if (!petersen) throw new Error('the impatient-caller persona is missing');
    // he had asked "And when does the money reach the dealer?" right after it
    expect(
      factsIn(petersen, 'en', "The transfer goes out right after you confirm. I can't promise when the dealer sees it, usually within a few minutes."),
    ).toContain('arrival_time');
    expect(factsIn(petersen, 'de', 'Die Überweisung geht gleich raus. Wann der Händler sie sieht, kann ich Ihnen nicht versprechen.')).toContain(
      'arrival_time',
    );
    expect(factsIn(petersen, 'en', 'Please confirm the new limit in your banking app.')).not.toContain('arrival_time');
  });

  const kessler = personas.get('insulting');
  it('takes "two documents are missing" as no answer to which ones (found playing Mr Kessler)', () => {
    if (!kessler) throw new Error('the insulting persona is missing');
    // he had answered "That's all that's missing? Right." to a reply that named no document
    expect(factsIn(kessler, 'en', 'Two documents are still missing – shall I tell you which?')).not.toContain('missing_documents');
    expect(factsIn(kessler, 'de', 'Ihr Antrag hängt an zwei fehlenden Unterlagen – darf ich Ihnen sagen, welche?')).not.toContain('missing_documents');
    expect(factsIn(kessler, 'en', 'Your balance sheet is still missing.')).toContain('missing_documents');
    expect(factsIn(kessler, 'de', 'Es fehlt noch Ihre Bilanz.')).toContain('missing_documents');
  });
});

/** The customer's last line after `replies`, for three draws of the script's random choices. */
async function lastLinesBySeed(personaId: string, lang: 'de' | 'en', replies: string[]): Promise<[number, string][]> {
  const seeds = [0, 0.5, 0.99];
  const played = await Promise.all(seeds.map((seed) => createSimulator(personas, { random: () => seed }).play(personaId, lang, replies)));
  return played.map((conversation, index) => [seeds[index] ?? 0, conversation.lines.at(-1)?.text ?? '']);
}

describe('a call already agreed', () => {
  it("is not offered again when Dr Hartmann settles (she had written 'Call me next week' after agreeing to Thursday)", async () => {
    const replies = [
      "Dear Dr Hartmann, you're right, that came across badly, and I'm sorry. I'll correct item 3 in the minutes today. Would Thursday at 10 work for a short call?",
      "Dear Dr Hartmann, the binding date for the interface is 28 November, and I'll correct the October invoice by Friday. I'll bring the test plan to our call.",
    ];
    for (const [seed, last] of await lastLinesBySeed('drifting-client', 'en', replies)) {
      expect(last, `seed ${seed}`).not.toMatch(/call me next week|speak on the phone again/i);
    }
  });
});

describe('a question asked as the customer settles', () => {
  it('is answered: Ms Lindner tells what the day is (she had only thanked the trainee who asked)', async () => {
    const replies = [
      'Sehr gern, das bekommen wir hin. Darf ich fragen, was Ihrem Vater gerade guttut – isst er lieber weich?',
      'Die Kürbissuppe kann ich Ihnen schon jetzt bringen, die Küche hat sie fertig. Was ist denn der Anlass heute für Sie beide?',
    ];
    for (const [seed, last] of await lastLinesBySeed('unusual-request', 'de', replies)) {
      expect(last, `seed ${seed}`).toMatch(/Geburtstag|neunzig/);
    }
  });
});
