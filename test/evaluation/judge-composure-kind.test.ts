import { describe, expect, it } from 'vitest';
import { judgeComposure, KIND_NAMED_FROM, markedDown } from '../../src/evaluation/judgement.js';
import { gradeOffline } from '../../src/evaluation/offline-grader.js';
import { prepare } from '../../src/evaluation/grader-patterns.js';
import { withoutReassurance } from '../../src/evaluation/signals.js';
import { lexiconFacts, runLexicons } from '../../src/evaluation/lexicon-pass.js';
import { defaultGraderModel } from '../../src/evaluation/model/default-model.js';
import type { ComposureFailure } from '../../src/evaluation/model/heads.js';

// A lecture the lexicons do not know: whether the model names its kind depends on how sure it is of the kind.
const input = {
  lang: 'de' as const,
  customer: 'Wir hätten gern zweimal das Frühstück, eins davon ohne Ei. Geht das?',
  reply: 'Das ist jetzt aber kompliziert. Suppe gibt es erst ab zwölf, das steht ja auch auf der Karte.',
  history: [],
};

function judged(failure: ComposureFailure, failureProbability: number) {
  const model = defaultGraderModel();
  const pass = runLexicons(input);
  const findings = pass.findings!;
  const prediction = {
    ...model.predict({ ...input, reply: pass.reply.text.text, lexicon: lexiconFacts(pass) }),
    // only the kind and the certainty of it are under test: the reply is above any threshold
    notComposed: 0.99,
    failure,
    failureProbability,
  };
  return judgeComposure(findings.composure, prediction, model, pass.reply.text, 'de');
}

describe('judgeComposure: the kind of a failure the model found', () => {
  it('is named when the model is fairly sure of it', () => {
    const sure = judged('lecturing', KIND_NAMED_FROM + 0.2);
    expect(sure.score).toBe(2);
    expect(sure.flags).toContain('lecturing');
  });

  it('is left unnamed below that, while the reply is still marked down and its sentence quoted', () => {
    const unsure = judged('sarcasm', KIND_NAMED_FROM - 0.1);
    expect(unsure.score).toBe(2);
    expect(unsure.byModel).toBe(true);
    expect(unsure.flags).not.toContain('sarcasm');
    expect(unsure.evidence[0]).toMatch(/Karte|kompliziert/);
  });
});

describe('judgeComposure: how composed a composed reply is', () => {
  const calm = {
    lang: 'en' as const,
    customer: "Twenty years I've been with you, and this is the thanks I get?",
    reply: "I'm sorry for the inconvenience. Please understand that blocks are automatic for security reasons.",
    history: [],
  };
  function levelWith(composureScore: number[]) {
    const model = defaultGraderModel();
    const pass = runLexicons(calm);
    const findings = pass.findings!;
    const prediction = { ...model.predict({ ...calm, reply: pass.reply.text.text, lexicon: lexiconFacts(pass) }), notComposed: 0.05, composureScore };
    return { lexicon: findings.composure.score, judged: judgeComposure(findings.composure, prediction, model, pass.reply.text, 'en') };
  }

  it('is plain (3) when the model is sure of it, without quoting or naming a slip', () => {
    const { lexicon, judged } = levelWith([0, 0.02, 0.9, 0.05, 0.03]);
    expect(lexicon).toBe(5);
    expect(judged.score).toBe(3);
    expect(judged.byModel).toBe(false);
    expect(judged.flags).toEqual([]);
  });

  it("keeps the lexicons' level when the model is unsure, and never takes its 4-or-5 split", () => {
    expect(levelWith([0, 0.05, 0.6, 0.2, 0.15]).judged.score).toBe(5);
    expect(levelWith([0, 0, 0.05, 0.9, 0.05]).judged.score).toBe(5);
  });
});

describe('judgeComposure: a reply that gives the trainee its own line', () => {
  const model = defaultGraderModel();
  const OWN_LINE = 'It should work now. And here is my direct number so you never have to go through the hotline again for this.';
  const HOTLINE = 'It should work now. And here is the hotline number so you can ask them about this again.';
  const read = (reply: string, failure: ComposureFailure) => {
    const pass = runLexicons({ lang: 'en', customer: 'Will you get back to me, or do I have to chase it again?', reply, history: [] });
    const prediction = {
      ...model.predict({ lang: 'en', customer: '', reply: pass.reply.text.text, history: [], lexicon: lexiconFacts(pass) }),
      notComposed: 0.99,
      failure,
      failureProbability: 0.6,
    };
    return judgeComposure(pass.findings!.composure, prediction, model, pass.reply.text, 'en');
  };

  it('is not marked down for a send-away, the opposite of what it does', () => {
    expect(read(OWN_LINE, 'brush_off').score).toBeGreaterThanOrEqual(4);
    expect(read(HOTLINE, 'brush_off').score).toBeLessThanOrEqual(2);
  });

  it('is still marked down for a sting of another kind', () => {
    expect(read(OWN_LINE, 'condescension').score).toBeLessThanOrEqual(2);
  });
});

describe('judgeComposure: the sentence it quotes', () => {
  it('is never the greeting or the sign-off of an e-mail, however curt they read alone', () => {
    const model = defaultGraderModel();
    const reply =
      'Sehr geehrte Frau Dr. Hartmann, erlauben Sie mir kurz zu erklären: Bei Schnittstellenprojekten sind Termine bis zum Abschluss der Tests grundsätzlich vorläufig. Das ist in der Branche so üblich. Mit freundlichen Grüßen';
    const pass = runLexicons({ lang: 'de', customer: 'Bitte um Klärung.', reply, history: [] });
    expect(pass.reply.text.sentences.at(-1)).toBe('Mit freundlichen Grüßen');
    const base = model.predict({ lang: 'de', customer: 'Bitte um Klärung.', reply: pass.reply.text.text, history: [], lexicon: lexiconFacts(pass) });
    const sentences = pass.reply.text.sentences.length;
    // the sign-off read alone is the "worst" sentence; the lecture before it is what to quote
    const sentenceNotComposed = pass.reply.text.sentences.map((_sentence, index) => (index === sentences - 1 ? 0.99 : index === 1 ? 0.9 : 0.2));
    const judged = judgeComposure(
      pass.findings!.composure,
      { ...base, notComposed: 0.99, sentenceNotComposed, failure: 'lecturing', failureProbability: 0.7 },
      model,
      pass.reply.text,
      'de',
    );
    expect(judged.score).toBeLessThanOrEqual(2);
    expect(judged.evidence[0]).toBe('Das ist in der Branche so üblich.');
  });
});

describe('judgeComposure: a reply that only says yes', () => {
  function judgedSure(lang: 'en' | 'de', customer: string, reply: string) {
    const model = defaultGraderModel();
    const pass = runLexicons({ lang, customer, reply, history: [] });
    const findings = pass.findings!;
    // the model as sure of a sting as it can be: only the words of the reply decide
    const prediction = { ...model.predict({ lang, customer, history: [], reply: pass.reply.text.text, lexicon: lexiconFacts(pass) }), notComposed: 0.99 };
    return judgeComposure(findings.composure, prediction, model, pass.reply.text, lang);
  }

  it.each([
    ['en', 'Can you please check it today?', 'Sure.'],
    ['en', 'Can you please check it today?', 'Yes, of course, no problem.'],
    ['de', 'Können Sie das bitte heute noch prüfen?', 'Natürlich.'],
    ['de', 'Können Sie das bitte heute noch prüfen?', 'Klar, mach ich.'],
  ] as const)('keeps the lexicons’ reading: %s “%s” → “%s”', (lang, customer, reply) => {
    const judged = judgedSure(lang, customer, reply);
    expect(judged.byModel).toBe(false);
    expect(judged.score).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['en', 'Can you please check it today?', 'Sure, whatever.'],
    ['en', 'Can you please check it today?', 'Sure. Because we have nothing better to do.'],
    ['de', 'Können Sie das bitte heute noch prüfen?', 'Klar, als ob.'],
    ['de', 'Können Sie das bitte heute noch prüfen?', 'Natürlich, wir haben ja sonst nichts zu tun.'],
  ] as const)('leaves a word beside the yes to the model: %s “%s” → “%s”', (lang, customer, reply) => {
    const judged = judgedSure(lang, customer, reply);
    expect(judged.score).toBe(2);
  });
});

describe('the grade of a reply that takes the fault off the customer', () => {
  const model = defaultGraderModel();
  // the model's own reading of the whole reply, before the reassurance is set aside
  const markedDownWhole = (lang: 'en' | 'de', customer: string, reply: string) => {
    const pass = runLexicons({ lang, customer, reply, history: [] });
    return markedDown(model.predict({ lang, customer, history: [], reply: pass.reply.text.text, lexicon: lexiconFacts(pass) }), model, lang);
  };
  const graded = (lang: 'en' | 'de', customer: string, reply: string) => gradeOffline({ lang, customer, reply, history: [] }, 'test');

  it.each([
    [
      'en',
      'I should never have clicked that link, I feel so stupid.',
      "Don't be hard on yourself, none of this is your fault. Those messages copy our design down to the logo.",
    ],
    ['en', 'Sorry I shouted at you earlier.', "Oh, don't worry about it at all. It's been a rough day for you."],
    ['de', 'Ich komm mir so blöd vor, dass ich das nicht verstehe.', 'Ach Quatsch, das ist auch wirklich umständlich gemacht. Wir gehen das zusammen durch.'],
  ] as const)('is composed where the model had read the reassurance as a sting: %s “%s” → “%s”', (lang, customer, reply) => {
    expect(markedDownWhole(lang, customer, reply)).toBe(true);
    expect(graded(lang, customer, reply).composure.score).toBeGreaterThanOrEqual(4);
  });

  it('is composed where the model read an opening assent as sarcasm', () => {
    // Ms Albrecht's trainee read composure 2 and "lands badly" for a reply her stage asks for
    const customer = 'Ich will in Ruhe gelassen werden. Rufen Sie hier nicht mehr an!';
    const reply = 'Natürlich, Frau Albrecht. Sie klingen, als wäre heute ein sehr schwerer Tag. Wenn Sie irgendwann reden möchten, bin ich da.';
    expect(markedDownWhole('de', customer, reply)).toBe(true);
    expect(graded('de', customer, reply).composure.score).toBeGreaterThanOrEqual(4);
  });

  it('keeps a mocking rest after an opening assent marked down', () => {
    const customer = 'Ich will in Ruhe gelassen werden. Rufen Sie hier nicht mehr an!';
    expect(graded('de', customer, 'Natürlich, Frau Albrecht. Sie haben ja immer recht.').composure.score).toBeLessThanOrEqual(2);
    expect(graded('en', 'Just fix it.', 'Sure. Because we have nothing else to do.').composure.score).toBeLessThanOrEqual(2);
  });

  it('reads empathy from the rest when the assent was what the model had misread', () => {
    const grade = graded(
      'de',
      'Ich will in Ruhe gelassen werden. Rufen Sie hier nicht mehr an!',
      'Natürlich, Frau Albrecht. Sie klingen, als wäre heute ein sehr schwerer Tag.',
    );
    expect(grade.empathy.score).toBeGreaterThanOrEqual(4);
    expect(grade.feedback.strength).toContain('Sie klingen, als wäre heute ein sehr schwerer Tag.');
  });

  it('is composed where the reassurance was all the reply said', () => {
    const customer = 'Sorry I shouted at you earlier.';
    expect(markedDownWhole('en', customer, 'Never mind.')).toBe(true);
    expect(graded('en', customer, 'Never mind.').composure.score).toBeGreaterThanOrEqual(4);
    // the same words to a complaint brush it off, and stay the model's
    expect(graded('en', 'My card has been blocked for the third time this month!', 'Never mind.').composure.score).toBeLessThanOrEqual(2);
  });

  it.each([
    ['en', 'I feel so stupid, I should have noticed.', "It's not your fault, you just never read the letters we send."],
    ['de', 'Ich komme mir so dumm vor.', 'Sie können nichts dafür, Sie lesen halt unsere Briefe nie.'],
    // a "but" keeps what follows it, without a comma before it too
    ['en', 'Why is my account blocked?', "It's not your fault but you didn't read the letters we sent."],
  ] as const)('is still marked down for what stings beside the reassurance: %s “%s” → “%s”', (lang, customer, reply) => {
    expect(graded(lang, customer, reply).composure.score).toBeLessThanOrEqual(2);
  });

  it('reads waving off as reassurance only after an apology or a word against oneself', () => {
    const reply = "Oh, don't worry about it at all. It's been a rough day for you.";
    expect(withoutReassurance(prepare(reply), 'en', 'Sorry I shouted at you earlier.')).toBe("It's been a rough day for you.");
    expect(withoutReassurance(prepare(reply), 'en', 'My card has been blocked for three days!')).toBeUndefined();
    expect(withoutReassurance(prepare('Ach Quatsch, das ist kompliziert gemacht.'), 'de', 'Ich komm mir so blöd vor.')).toBe('das ist kompliziert gemacht.');
  });

  it('keeps what follows the reassurance in its sentence, and leaves irony alone', () => {
    expect(withoutReassurance(prepare("Honestly, it's not your fault at all: these texts look exactly like ours."), 'en', '')).toBe(
      'Honestly, these texts look exactly like ours.',
    );
    expect(withoutReassurance(prepare("It's not your fault, you just didn't read the letters."), 'en', '')).toBe("you just didn't read the letters.");
    expect(withoutReassurance(prepare("It's not your fault but you didn't read the letters."), 'en', '')).toBe("but you didn't read the letters.");
    expect(withoutReassurance(prepare("Of course it's not your fault. It never is."), 'en', '')).toBeUndefined();
    expect(withoutReassurance(prepare('Natürlich ist das nicht Ihre Schuld.'), 'de', '')).toBeUndefined();
    expect(withoutReassurance(prepare('The update failed overnight.'), 'en', '')).toBeUndefined();
  });
});
