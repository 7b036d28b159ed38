import { describe, expect, it } from 'vitest';
import { factsIn, hearReply, planTurn, type HeardReply } from '../../src/engine/listening.js';
import { conditionHolds, nextStageId } from '../../src/engine/script-machine.js';
import type { Grade, Language } from '../../src/evaluation/grade.js';
import type { DialogueAct } from '../../src/evaluation/model/heads.js';
import { FactSchema, PersonaSchema, type Condition, type Persona } from '../../src/personas/persona-schema.js';
import { makeGrade, type GradeShape } from '../support/scripted-grader.js';
import { testPersona } from '../support/test-persona.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import { createSimulator } from '../../src/app/simulator.js';

const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

const both = (en: string) => ({ en, de: `${en} (de)` });
const lines = (...en: string[]) => ({ en, de: en.map((line) => `${line} (de)`) });

/** The test persona with a fact it asks for, reactions, stage families and a variant on entering `softer`. */
function listeningPersona(): Persona {
  const base = testPersona();
  return testPersona({
    facts: {
      tracking: {
        about: both('where the parcel is'),
        given: { en: ['tracking number', 'parcel is in \\w+'], de: ['sendungsnummer'] },
        acknowledge: lines('Ah, the tracking number. Thank you.'),
      },
      next_step: {
        about: both('what happens next'),
        givenBy: ['offers_step'],
      },
    },
    reactions: {
      lecture_rebuked: { lines: lines('Do not lecture me.') },
      blame_rebuked: { lines: lines('So now it is my fault?') },
      hold_to_time: { lines: lines('{time}, then. I will hold you to that.') },
      cut_short: { when: { minWords: 30 }, lines: lines('Shorter, please.') },
    },
    stages: {
      ...base.stages,
      opening: {
        ...base.stages.opening!,
        asks: { tracking: lines('Where is my parcel?', 'Do you even know where it is?') },
      },
      softer: {
        ...base.stages.softer!,
        family: 'calm_down',
        variants: [{ when: { acts: ['apologises'] }, lines: lines('Well, an apology at least.'), family: 'calm_down', narration: both('She softens.') }],
        transitions: [{ when: { promisesTime: true }, to: 'resolved' }, ...base.stages.softer!.transitions],
      },
      angry: { ...base.stages.angry!, family: 'escalate' },
    },
  });
}

function heard(overrides: Partial<HeardReply> = {}): HeardReply {
  return { words: 10, acts: [], composure: 4, newFacts: [], givenFacts: [], griefMisstep: false, customerInHurry: false, ...overrides };
}

function plan(persona: Persona, from: string, shape: GradeShape, listened: HeardReply, said: string[] = []) {
  const grade = makeGrade(shape);
  const holds = (condition: Condition) => conditionHolds(condition, grade, 1, listened);
  const stageId = nextStageId(persona, from, grade, 1, listened);
  return { stageId, ...planTurn({ persona, lang: 'en', intensity: 'standard', fromStageId: from, stageId, grade, turn: 1, heard: listened, said, holds }) };
}

const NOTHING_EARLIER = { replies: [], acts: [] };

function gradeWith(acts: DialogueAct[], shape: GradeShape = {}): Grade {
  const grade = makeGrade(shape);
  return { ...grade, signals: { ...grade.signals, offersSolution: acts.includes('offers_step'), acts } };
}

describe('the customer hears facts', () => {
  const persona = listeningPersona();

  it('asks for a fact while it is open, and never once the trainee gave it', () => {
    const open = plan(persona, 'opening', {}, heard());
    expect(open.stageLines).toEqual(expect.arrayContaining(['Where is my parcel?', 'Do you even know where it is?']));
    const given = plan(persona, 'opening', {}, heard({ newFacts: ['tracking'], givenFacts: ['tracking'] }));
    expect(given.stageLines).not.toContain('Where is my parcel?');
    expect(given.stageLines).not.toContain('Do you even know where it is?');
    // and in a later turn, when the fact was given earlier and nothing new came
    const later = plan(persona, 'opening', {}, heard({ givenFacts: ['tracking'] }));
    expect(later.stageLines.some((line) => line.includes('parcel') || line.includes('where it is'))).toBe(false);
  });

  it('does not take a fact as given by a clause that denies it at its end', async () => {
    const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
    const lindner = catalog.get('unusual-request')!;
    // German puts the "nicht" last: "Mit Kerze. Er wird sich so freuen." would answer a refusal
    expect(factsIn(lindner, 'de', "Nee, der Fenstertisch ist reserviert. Kerzen gibt's hier auch nicht. Noch was?")).toEqual([]);
    expect(factsIn(lindner, 'de', 'Die Suppe geht vor zwölf leider nicht.')).toEqual([]);
    expect(factsIn(lindner, 'en', "A candle isn't possible, sorry.")).toEqual([]);
    // a "nicht" that belongs to something else leaves the fact given
    expect(factsIn(lindner, 'de', 'Die Suppe kann ich Ihnen jetzt schon bringen, nicht erst um zwölf.')).toEqual(['soup_now']);
    expect(factsIn(lindner, 'de', 'Eine Kerze bringe ich Ihnen gern.')).toEqual(['candle']);
  });

  it('does not take a fact as given when the next sentence says no to it', async () => {
    const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
    const lindner = catalog.get('unusual-request')!;
    // Ms Lindner had thanked „Ohne Boden? Hm, das haben wir eigentlich nicht." with "Das klingt, als hätten Sie an ihn gedacht."
    expect(factsIn(lindner, 'de', 'Ohne Boden? Hm, das haben wir eigentlich nicht. Die Kuchen kommen fertig aus der Konditorei.')).toEqual([]);
    expect(factsIn(lindner, 'en', "Without the base? We don't really do that.")).toEqual([]);
    expect(factsIn(lindner, 'en', "Soup before twelve? That's not possible, I'm afraid.")).toEqual([]);
    // a hedge is no yes either: she had answered it "The soup already? That's wonderful, thank you."
    expect(factsIn(lindner, 'en', "Soup before twelve? Well, that's not really how we do things here, but I'll ask.")).toEqual([]);
    // a yes after the question, or a next sentence about something else, leaves it given
    expect(factsIn(lindner, 'de', 'Ohne Boden? Das ist überhaupt kein Problem, ich sage der Küche Bescheid.')).toEqual(['soft_food']);
    expect(factsIn(lindner, 'en', "I'll bring the soup now. It won't take long.")).toEqual(['soup_now']);
    expect(factsIn(lindner, 'de', 'Die Suppe bringe ich Ihnen jetzt. Das geht leider nicht anders.')).toEqual(['soup_now']);
  });

  it('takes a fact up when it is given, then goes on with the stage', () => {
    const result = plan(persona, 'opening', {}, heard({ newFacts: ['tracking'], givenFacts: ['tracking'] }));
    expect(result.family).toBe('acknowledge');
    expect(result.reaction?.lines).toEqual(['Ah, the tracking number. Thank you.']);
    expect(result.stageLines.length).toBeGreaterThan(0);
  });

  it('takes a fact given by an act (a concrete step answers "what happens next?"), in this reply or an earlier one', () => {
    const step = gradeWith(['offers_step']);
    expect(hearReply(listeningPersona(), 'en', NOTHING_EARLIER, 'I will sort it out today.', step).newFacts).toEqual(['next_step']);
    expect(hearReply(listeningPersona(), 'en', NOTHING_EARLIER, 'I see.', gradeWith(['acknowledges'])).givenFacts).toEqual([]);
    const later = hearReply(
      listeningPersona(),
      'en',
      { replies: ['I will sort it out today.'], acts: ['offers_step'] },
      'Anything else?',
      gradeWith(['asks_open']),
    );
    expect(later.givenFacts).toEqual(['next_step']);
    expect(later.newFacts).toEqual([]);
  });

  it('only stops asking for a fact without acknowledge lines: the stage answers it', () => {
    const result = plan(listeningPersona(), 'opening', {}, heard({ newFacts: ['next_step'], givenFacts: ['next_step'] }));
    expect(result.family).not.toBe('acknowledge');
    expect(result.reaction).toBeUndefined();
  });

  it('holds notGiven while the customer lacks the fact, from this reply or an earlier one', () => {
    const condition: Condition = { notGiven: ['tracking'] };
    const grade = makeGrade({});
    expect(conditionHolds(condition, grade, 1, heard())).toBe(true);
    expect(conditionHolds(condition, grade, 1, heard({ givenFacts: ['tracking'] }))).toBe(false);
    expect(conditionHolds(condition, grade, 1, heard({ givenFacts: ['next_step'] }))).toBe(true);
  });

  it('refuses notGiven naming a fact the persona does not declare', () => {
    const base = listeningPersona();
    const broken = {
      ...base,
      stages: { ...base.stages, softer: { ...base.stages.softer!, variants: [{ when: { notGiven: ['parcel'] }, lines: lines('Hm.') }] } },
    };
    const parsed = PersonaSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('names no fact');
    // in a reaction's condition too
    const inReaction = PersonaSchema.safeParse({
      ...base,
      reactions: { ...base.reactions, cut_short: { when: { minWords: 30, notGiven: ['parcel'] }, lines: lines('Shorter.') } },
    });
    expect(inReaction.success).toBe(false);
    expect(JSON.stringify(inReaction.error?.issues)).toContain('reactions');
  });

  it('refuses a fact that says neither how it is given by words nor by acts', () => {
    const fact = { about: both('what happens next'), acknowledge: lines('Good.') };
    expect(FactSchema.safeParse(fact).success).toBe(false);
    expect(FactSchema.safeParse({ ...fact, givenBy: ['offers_step'] }).success).toBe(true);
  });

  it('finds a fact in a reply by the persona patterns, only once in a conversation', () => {
    const grade = gradeWith(['gives_info']);
    const first = hearReply(persona, 'en', NOTHING_EARLIER, 'Your tracking number is 123, and the parcel is in Leeds.', grade);
    expect(first.newFacts).toEqual(['tracking']);
    const again = hearReply(persona, 'en', { replies: ['Your tracking number is 123.'], acts: [] }, 'The parcel is in Leeds.', grade);
    expect(again.newFacts).toEqual([]);
    expect(again.givenFacts).toEqual(['tracking']);
    expect(hearReply(persona, 'de', NOTHING_EARLIER, 'Ihre Sendungsnummer ist 123.', grade).newFacts).toEqual(['tracking']);
  });

  it('does not hear a fact the reply denies, and hears it past a courteous "no problem"', () => {
    const grade = gradeWith(['gives_info']);
    const lindner = catalog.require('unusual-request');
    expect(hearReply(lindner, 'en', NOTHING_EARLIER, "Well, we don't really do soup before twelve, sorry.", grade).newFacts).toEqual([]);
    expect(hearReply(lindner, 'en', NOTHING_EARLIER, "The soup, I'm afraid, can't come before twelve.", grade).newFacts).toEqual([]);
    expect(hearReply(lindner, 'de', NOTHING_EARLIER, 'Suppe können wir leider nicht vor zwölf machen.', grade).newFacts).toEqual([]);
    expect(hearReply(lindner, 'en', NOTHING_EARLIER, "No problem at all – I'll bring the soup right away.", grade).newFacts).toContain('soup_now');
    expect(hearReply(lindner, 'de', NOTHING_EARLIER, 'Kein Problem, die Suppe bringe ich sofort.', grade).newFacts).toContain('soup_now');
    // a denial in another clause does not take the fact back
    expect(hearReply(lindner, 'en', NOTHING_EARLIER, "We can't change the cake – but I'll bring the soup right away.", grade).newFacts).toContain('soup_now');
  });

  it('hears a fact still to be found out as promised, not given', () => {
    // "I'll ask the kitchen what they can make soft" had been thanked for "something soft, exactly"
    const lindner = catalog.require('unusual-request');
    const kessler = catalog.require('insulting');
    const grade = gradeWith(['gives_info']);
    const heardFacts = (persona: Persona, lang: Language, reply: string) => hearReply(persona, lang, NOTHING_EARLIER, reply, grade).newFacts;
    expect(heardFacts(lindner, 'en', "Of course - I'll go and ask the kitchen what they can make soft for him.")).not.toContain('soft_food');
    expect(heardFacts(lindner, 'de', 'Natürlich. Ich gehe in die Küche und frage, was sie für ihn weich zubereiten kann.')).not.toContain('soft_food');
    expect(heardFacts(lindner, 'en', "I'll check whether the soup can come early.")).not.toContain('soup_now');
    expect(heardFacts(lindner, 'en', 'Let me see if the soup can come early.')).not.toContain('soup_now');
    // the question word inside the words the fact was found by (kitchen … soup)
    const asked = 'Ich frage gleich in der Küche, ob die Suppe schon fertig ist, und eine Kerze bringe ich mit.';
    expect(heardFacts(lindner, 'de', asked)).not.toContain('soup_now');
    expect(heardFacts(lindner, 'de', asked)).toContain('candle');
    // understanding is no inquiry
    expect(heardFacts(lindner, 'en', 'I see what you mean, so the soup can come right now.')).toContain('soup_now');
    // what follows a colon, "and" or "then" is given
    expect(heardFacts(lindner, 'en', 'I asked the kitchen what they can do: a soft custard tart, no crust.')).toContain('soft_food');
    expect(heardFacts(lindner, 'en', "I'll ask what's possible, and the soup can come right now.")).toContain('soup_now');
    // the words that complete the fact may run on into a later clause: found out there, or given there
    const hedged = 'The soup is a bit trickier since lunch starts at twelve, but let me ask the kitchen what they can do.';
    expect(heardFacts(lindner, 'en', hedged)).not.toContain('soup_now');
    expect(heardFacts(lindner, 'en', 'The soup is a bit tricky before twelve, but the kitchen can do it for him now.')).toContain('soup_now');
    expect(heardFacts(lindner, 'de', 'Die Suppe ist vor zwölf etwas schwierig, aber ich frage in der Küche, was sie machen kann.')).not.toContain('soup_now');
    expect(heardFacts(lindner, 'de', 'Ich habe gefragt, was geht: Er bekommt ein weiches Rührei.')).toContain('soft_food');
    expect(heardFacts(kessler, 'en', 'I checked what is missing: the balance sheet and the quote for the lift.').length).toBeGreaterThan(0);
  });
});

describe('the customer reacts to what the reply does', () => {
  const persona = listeningPersona();

  it('rebukes a lecture on its own while the stage stays', () => {
    const result = plan(persona, 'opening', {}, heard({ acts: ['lectures'] }));
    expect(result.family).toBe('lecture_rebuked');
    expect(result.reaction?.lines).toEqual(['Do not lecture me.']);
    expect(result.stageLines).toEqual([]);
  });

  it('lets a hang-up or an acceptance speak for itself, without a rebuke first', () => {
    // Ms Albrecht hanging up on "There's no need to shout" had first objected to the reprimand
    const hangingUp = { ...persona, stages: { ...persona.stages, angry: { ...persona.stages.angry!, family: 'hang_up' as const } } };
    const result = plan(hangingUp, 'opening', { composure: 2 }, heard({ acts: ['lectures', 'blames'], composure: 2 }));
    expect(result.stageId).toBe('angry');
    expect(result.family).toBe('hang_up');
    expect(result.reaction).toBeUndefined();
    expect(result.stageLines).toEqual(['Angry A', 'Angry B']);
    // entering a stage that is not final, the rebuke still comes first
    expect(plan(persona, 'opening', { composure: 2 }, heard({ acts: ['lectures'], composure: 2 })).family).toBe('lecture_rebuked');
  });

  it('answers a reply that lectures and blames at once as blame', () => {
    // "You really should have mentioned that when you booked": the labelled cases hear the blame
    expect(plan(persona, 'opening', {}, heard({ acts: ['lectures', 'blames'] })).family).toBe('blame_rebuked');
    expect(plan(persona, 'opening', {}, heard({ acts: ['blames'] })).family).toBe('blame_rebuked');
    expect(plan(persona, 'opening', {}, heard({ acts: ['lectures'] })).family).toBe('lecture_rebuked');
  });

  it('rebukes a lecture and then says the line of the stage it moves to', () => {
    const result = plan(persona, 'opening', { composure: 2 }, heard({ acts: ['lectures'], composure: 2 }));
    expect(result.stageId).toBe('angry');
    expect(result.family).toBe('lecture_rebuked');
    expect(result.stageLines).toEqual(['Angry A', 'Angry B']);
  });

  it('cuts a long reply short, but a hostile long reply gets the stage anger instead', () => {
    expect(plan(persona, 'opening', {}, heard({ words: 45 })).family).toBe('cut_short');
    expect(plan(persona, 'opening', {}, heard({ words: 12 })).family).toBe('insist');
    const hostile = plan(persona, 'opening', { composure: 1 }, heard({ words: 45, composure: 1 }));
    expect(hostile.family).toBe('escalate');
  });

  it('holds the trainee to a promised time, quoting it', () => {
    const result = plan(persona, 'opening', {}, heard({ promisedTime: 'by noon', acts: ['offers_step', 'names_time'] }));
    expect(result.family).toBe('hold_to_time');
    expect(result.reaction?.lines).toEqual(['By noon, then. I will hold you to that.']);
  });

  it('enters a stage through the variant whose condition holds, with its narration and family', () => {
    const result = plan(persona, 'opening', { empathy: 5 }, heard({ acts: ['apologises'] }));
    expect(result.stageId).toBe('softer');
    expect(result.stageLines).toEqual(['Well, an apology at least.']);
    expect(result.narration).toBe('She softens.');
    const plain = plan(persona, 'opening', { empathy: 5 }, heard());
    expect(plain.stageLines).toEqual(['Softer A', 'Softer B']);
    expect(plain.narration).toBeUndefined();
  });

  it("answers what the variant answers before the stage's own questions (Dr Hartmann had asked about the invoice instead of taking up the call proposed)", () => {
    const base = listeningPersona();
    const asking: Persona = {
      ...base,
      stages: { ...base.stages, softer: { ...base.stages.softer!, asks: { tracking: lines('And where is my parcel now?') } } },
    };
    const proposed = plan(asking, 'opening', { empathy: 5 }, heard({ acts: ['apologises'] }));
    expect(proposed.stageLines).toEqual(['Well, an apology at least.']);
    // once the variant's lines are said, the question comes back
    const later = plan(asking, 'opening', { empathy: 5 }, heard({ acts: ['apologises'] }), ['Well, an apology at least.']);
    expect(later.stageLines).toContain('And where is my parcel now?');
    // without the variant the stage's lines and its questions share the pool
    expect(plan(asking, 'opening', { empathy: 5 }, heard()).stageLines).toEqual(['Softer A', 'Softer B', 'And where is my parcel now?']);
  });

  it('lets an end stage speak alone, with the family of its end', () => {
    const result = plan(persona, 'softer', {}, heard({ promisedTime: 'today', acts: ['offers_step', 'names_time'] }));
    expect(result.stageId).toBe('resolved');
    expect(result.family).toBe('accept');
    expect(result.reaction).toBeUndefined();
  });

  it('never offers a line already said in the session', () => {
    const result = plan(persona, 'opening', {}, heard(), ['Opening A', 'Where is my parcel?']);
    expect(result.stageLines).not.toContain('Opening A');
    expect(result.stageLines).not.toContain('Where is my parcel?');
    expect(result.stageLines).toContain('Opening B');
  });
});

describe('conditions on what the reply does', () => {
  const grade = makeGrade({});
  it('read acts, length, facts and a promised time, and fail without them', () => {
    const listened = heard({ acts: ['asks_open', 'apologises'], words: 20, newFacts: ['x'], promisedTime: 'today' });
    expect(conditionHolds({ acts: ['asks_open'] }, grade, 1, listened)).toBe(true);
    expect(conditionHolds({ acts: ['asks_open', 'blames'] }, grade, 1, listened)).toBe(false);
    expect(conditionHolds({ notActs: ['blames'] }, grade, 1, listened)).toBe(true);
    expect(conditionHolds({ notActs: ['apologises'] }, grade, 1, listened)).toBe(false);
    expect(conditionHolds({ minWords: 20, maxWords: 20 }, grade, 1, listened)).toBe(true);
    expect(conditionHolds({ maxWords: 19 }, grade, 1, listened)).toBe(false);
    expect(conditionHolds({ givesFact: true, promisesTime: true }, grade, 1, listened)).toBe(true);
    expect(conditionHolds({ givesFact: false }, grade, 1, listened)).toBe(false);
    expect(conditionHolds({ acts: ['asks_open'] }, grade, 1)).toBe(false);
    expect(conditionHolds({ composure: { min: 3 } }, grade, 1)).toBe(true);
  });

  it('hear a call proposed for a time as a promised time, as much as an offered step', () => {
    const reply = "I'll go through your application straight after this call and ring you back at two o'clock sharp.";
    const proposing = hearReply(testPersona(), 'en', { replies: [], acts: [] }, reply, gradeWith(['gives_info', 'proposes_contact', 'names_time']));
    expect(proposing.promisedTime).toBe("at two o'clock");
    const informing = hearReply(testPersona(), 'en', { replies: [], acts: [] }, "The committee meets at two o'clock.", gradeWith(['gives_info', 'names_time']));
    expect(informing.promisedTime).toBeUndefined();
  });

  it("read whether the customer's line said they have no time", () => {
    const rushed = hearReply(
      testPersona(),
      'en',
      { replies: [], acts: [] },
      'The 15th still holds.',
      grade,
      'I have five minutes between two meetings. Yes or no?',
    );
    const calm = hearReply(testPersona(), 'en', { replies: [], acts: [] }, 'The 15th still holds.', grade, 'Is the 15th still the date?');
    expect(rushed.customerInHurry).toBe(true);
    expect(calm.customerInHurry).toBe(false);
    expect(conditionHolds({ customerInHurry: true }, grade, 1, rushed)).toBe(true);
    expect(conditionHolds({ customerInHurry: true }, grade, 1, calm)).toBe(false);
    expect(conditionHolds({ customerInHurry: false }, grade, 1, calm)).toBe(true);
  });
});

describe('Dr Hartmann between two meetings', () => {
  const letter =
    "Dear Dr Hartmann, thank you for your message, and I hope you're keeping well despite the busy schedule. I've been meaning to write to you anyway, " +
    'because a few things have come together on our side: the test environment needed an update, our project team has changed, and we want to be sure ' +
    'the new interface is stable before go-live. So, to answer your question: the 15th is no longer realistic. Best regards';
  const answerTo = async (customer: string) => {
    const simulator = createSimulator(await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] }), { random: () => 0 });
    const played = await simulator.play('drifting-client', 'en', [letter], { customerTurns: [customer] });
    return played.lines.at(-1);
  };

  it('cuts a long letter short when she wrote that she has no time, and not when she did not', async () => {
    const rushed = await answerTo('I have five minutes between two meetings. Is the 15th still the date for the interface, yes or no? - H.');
    expect(rushed?.family).toBe('cut_short');
    expect(rushed?.text).toMatch(/yes-or-no question|no time for long letters/);
    const unhurried = await answerTo('Is the 15th still the date for the interface? - H.');
    expect(unhurried?.family).not.toBe('cut_short');
  });

  it('agrees to talk only when the reply asked her to', async () => {
    const simulator = createSimulator(await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] }), { random: () => 0 });
    const invoice = 'Hello,\nyour October invoice includes services we did not order. I assume this is an oversight.\nHartmann';
    const agreeing = /let's talk|Thursday, 8:30|agreed/;
    const answer = async (reply: string) => (await simulator.play('drifting-client', 'en', [reply], { customerTurns: [invoice] })).lines.at(-1);
    const stepOnly = await answer(
      'Dear Dr Hartmann, thank you for pointing this out. You are right: two items were not ordered. I will send you a corrected invoice by Friday. Best regards',
    );
    expect(stepOnly?.text).not.toMatch(agreeing);
    const call = await answer(
      'Dear Dr Hartmann, you are right, and I am sorry. I will send a corrected invoice by Friday. Could we talk on the phone on Thursday at ten? Best regards',
    );
    expect(call?.text).toMatch(agreeing);
  });
});
