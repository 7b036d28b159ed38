import { describe, expect, it } from 'vitest';
import { composeFeedback, type FeedbackFacts } from '../../src/evaluation/feedback.js';
import { gradeOffline } from '../../src/evaluation/offline-grader.js';
import { de } from '../../src/evaluation/feedback-text/de.js';
import { en } from '../../src/evaluation/feedback-text/en.js';
import type { TipVariant } from '../../src/evaluation/feedback-text/feedback-text-types.js';

/** Feedback that depends on the conversation around the reply, tested on the feedback composer itself. */

/** A strong reply: calm, specific empathy with a question, a step with a time; only polishing is left. */
function strongReply(lang: 'de' | 'en', turn: number, namesCustomer: boolean): FeedbackFacts {
  return {
    lang,
    focus: [],
    turn,
    injection: false,
    composure: { score: 5, flags: [], evidence: [], severity: 5 },
    empathy: { score: 5, emotionalReaction: 2, interpretation: 2, exploration: 2, evidence: [], limits: [], quotes: {} },
    boundary: {
      needed: false,
      verdict: 'not_needed',
      evidence: [],
      named: false,
      offeredToContinue: false,
      ended: false,
      hadEarlierWarning: false,
      hostile: false,
    },
    signals: {
      offersSolution: true,
      solutionHasTime: true,
      endsConversation: false,
      endsExplicitly: false,
      warnsOfEnding: false,
      declinesStep: false,
      onlyCourtesy: false,
      proposesContact: false,
      leavesChoice: false,
      evidence: [],
    },
    acts: ['offers_step', 'names_time', 'acknowledges', 'asks_open'],
    words: 40,
    namesCustomer,
  };
}

describe('the tip "use the customer\'s name"', () => {
  it.each(['en', 'de'] as const)('is never given to a reply that names the customer, and is given to one that does not (%s)', (lang) => {
    const variants: readonly TipVariant[] = (lang === 'de' ? de : en).tips.polish_general;
    const asksName = variants.filter((variant) => variant.asksName === true).map((variant) => variant.tip);
    expect(asksName.length).toBeGreaterThan(0);
    const tips = (namesCustomer: boolean) => [0, 1, 2, 3, 4, 5].map((turn) => composeFeedback(strongReply(lang, turn, namesCustomer)).tip);
    const isNameTip = (tip: string) => asksName.some((template) => tip === template.replace('{den Kunden}', 'den Kunden'));
    expect(tips(true).filter(isNameTip)).toEqual([]);
    expect(tips(false).some(isNameTip)).toBe(true);
  });
});

describe('the tip "leave the timing to the customer"', () => {
  it.each(['en', 'de'] as const)('is never given to a reply that already leaves the choice to them (%s)', (lang) => {
    // Ms Albrecht's trainee had asked "…or shall I simply leave the deposit as it is for the moment?"
    // and was told to offer her control over timing
    const variants: readonly TipVariant[] = (lang === 'de' ? de : en).tips.polish_grief;
    const asksChoice = variants
      .filter((variant) => variant.asksChoice === true)
      .map((variant) => variant.tip.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1)));
    expect(asksChoice.length).toBeGreaterThan(0);
    const grieving = (turn: number, leavesChoice: boolean): FeedbackFacts => {
      const strong = strongReply(lang, turn, true);
      return {
        ...strong,
        focus: ['grief'],
        acts: ['acknowledges', 'asks_closed'],
        signals: { ...strong.signals, offersSolution: false, solutionHasTime: false, leavesChoice },
      };
    };
    const tips = (leavesChoice: boolean) => [0, 1, 2, 3].map((turn) => composeFeedback(grieving(turn, leavesChoice)).tip);
    expect(tips(true).filter((tip) => asksChoice.includes(tip))).toEqual([]);
    expect(tips(false).some((tip) => asksChoice.includes(tip))).toBe(true);
  });
});

describe('the tips "name the feeling in their terms", "pick up a detail"', () => {
  it.each(['en', 'de'] as const)('are not given to a reply whose words already name it, rated generic by the model (%s)', (lang) => {
    // „Ich kann gut verstehen, dass Sie sich über die falsche Abrechnung ärgern." (empathy 3) was told
    // to pick up a detail the customer mentioned
    // a template as a pattern: the quote is anything, the customer forms their masculine default
    const asPattern = (template: string) =>
      new RegExp(
        `^${template
          .split('{quote}')
          .map((part) => part.replace(/\{([^}]+)\}/g, '$1').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'u',
      );
    const variants: readonly TipVariant[] = (lang === 'de' ? de : en).tips.empathy_generic;
    const naming = variants.filter((variant) => variant.asksNaming === true).map((variant) => asPattern(variant.tip));
    expect(naming.length).toBe(2);
    const isNamingTip = (tip: string) => naming.some((pattern) => pattern.test(tip));
    const generic = (turn: number, namesSituation: boolean): FeedbackFacts => ({
      ...strongReply(lang, turn, true),
      empathy: { score: 3, emotionalReaction: 0, interpretation: 1, exploration: 0, evidence: [], limits: [], quotes: { generic: 'I understand.' } },
      acts: ['acknowledges'],
      namesSituation,
    });
    const tips = (namesSituation: boolean) => [0, 1, 2, 3].map((turn) => composeFeedback(generic(turn, namesSituation)).tip);
    expect(tips(true).filter(isNamingTip)).toEqual([]);
    // where the words do not name it, both are given in rotation with the third variant (turns 0, 1, 3)
    expect(tips(false).filter(isNamingTip)).toHaveLength(3);
  });
});

describe('a reply that delivers after the last one acknowledged the customer', () => {
  it.each(['en', 'de'] as const)('is not asked for empathy words again, unless it undid them (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const empathyTips = [...text.tips.empathy_none, ...text.tips.empathy_generic, ...text.tips.empathy_explore].map((variant) => variant.tip);
    const delivering = (acknowledgedBefore: boolean, limits: FeedbackFacts['empathy']['limits'] = []): FeedbackFacts => ({
      ...strongReply(lang, 1, true),
      empathy: { score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0, evidence: [], limits, quotes: {} },
      acts: ['offers_step', 'names_time', 'gives_info'],
      acknowledgedBefore,
    });
    const isEmpathyTip = (tip: string) => empathyTips.some((template) => tip === template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1)));
    expect(isEmpathyTip(composeFeedback(delivering(false)).tip), composeFeedback(delivering(false)).tip).toBe(true);
    expect(isEmpathyTip(composeFeedback(delivering(true)).tip)).toBe(false);
    expect(composeFeedback(delivering(true, ['but_dismissal'])).tip).not.toBe(composeFeedback(delivering(true)).tip);
  });
});

describe('a reply that only acknowledges', () => {
  it.each(['en', 'de'] as const)('is asked for the next step, never told "strong reply … whether the solution works" (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const fill = (template: string) => template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    // the act head saw an acknowledgement the level head did not count: every empathy_none variant asks for it
    const acknowledging: FeedbackFacts = {
      ...strongReply(lang, 0, false),
      empathy: { score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0, evidence: [], limits: [], quotes: {} },
      signals: { ...strongReply(lang, 0, false).signals, offersSolution: false, solutionHasTime: false },
      acts: ['acknowledges'],
      words: 9,
    };
    for (const turn of [0, 1, 2, 3]) {
      const tip = composeFeedback({ ...acknowledging, turn }).tip;
      expect(text.tips.solution_missing.map((variant) => fill(variant.tip))).toContain(tip);
    }
    // polish that takes a solution as done is kept for replies that offered one
    const presuming = (text.tips.polish_general as readonly TipVariant[])
      .filter((variant) => variant.presumes?.includes('offers_step'))
      .map((variant) => fill(variant.tip));
    expect(presuming.length).toBeGreaterThan(0);
    const polished = [0, 1, 2, 3, 4, 5].map(
      (turn) => composeFeedback({ ...strongReply(lang, turn, false), acts: ['offers_step', 'names_time', 'acknowledges'] }).tip,
    );
    expect(polished.some((tip) => presuming.includes(tip))).toBe(true);
    const noStep = [0, 1, 2, 3, 4, 5].map(
      (turn) => composeFeedback({ ...strongReply(lang, turn, false), acts: ['acknowledges', 'asks_open', 'ends_call'] }).tip,
    );
    expect(noStep.filter((tip) => presuming.includes(tip))).toEqual([]);
  });
});

describe('polish after a reply that acknowledged the customer', () => {
  it.each(['en', 'de'] as const)('does not ask to put the concern into words again (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const fill = (template: string) => template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    const empathyPolish = [...text.tips.polish_venting, ...text.tips.polish_relationship]
      .filter((variant) => variant.family === 'empathy')
      .map((variant) => fill(variant.tip));
    expect(empathyPolish.length).toBeGreaterThan(0);
    // a delivering reply: a step with a time, empathy and a question; only polish is left
    // warm and asking, but not (yet) naming the situation in the customer's terms: interpretation 1
    const delivering = (turn: number, acknowledgedBefore: boolean, focus: string[], interpretation: 1 | 2 = 1): FeedbackFacts => ({
      ...strongReply(lang, turn, true),
      focus,
      empathy: { score: 4, emotionalReaction: 2, interpretation, exploration: 2, evidence: [], limits: [], quotes: {} },
      acts: ['offers_step', 'names_time', 'gives_info', 'asks_open'],
      acknowledgedBefore,
    });
    for (const focus of [['venting'], ['relationship']]) {
      const tips = (acknowledgedBefore: boolean, interpretation: 1 | 2 = 1) =>
        [0, 1, 2, 3].map((turn) => composeFeedback(delivering(turn, acknowledgedBefore, focus, interpretation)).tip);
      expect(tips(true).filter((tip) => empathyPolish.includes(tip))).toEqual([]);
      expect(tips(false).some((tip) => empathyPolish.includes(tip))).toBe(true);
      // nor when this reply itself put the situation into words ("forty-five minutes on hold, then cut off …")
      expect(tips(false, 2).filter((tip) => empathyPolish.includes(tip))).toEqual([]);
    }
  });
});

describe('a reply that proposes a call', () => {
  it.each(['en', 'de'] as const)('counts as the next step: no tip asks for one (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const fill = (template: string) => template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    const stepTips = text.tips.solution_missing.map((variant) => fill(variant.tip));
    const proposing = (acts: FeedbackFacts['acts']): FeedbackFacts => ({
      ...strongReply(lang, 0, true),
      focus: ['relationship'],
      signals: { ...strongReply(lang, 0, true).signals, offersSolution: false, solutionHasTime: false },
      acts,
    });
    for (const turn of [0, 1, 2]) {
      expect(stepTips).not.toContain(composeFeedback({ ...proposing(['proposes_contact', 'names_time', 'asks_closed', 'acknowledges']), turn }).tip);
      expect(stepTips).toContain(composeFeedback({ ...proposing(['asks_closed', 'acknowledges']), turn }).tip);
    }
  });
});

describe('the strength of a step with a time', () => {
  // "I'll have the open points ready. Would Thursday at 10 work for a call?": the lexicons find the
  // offer in the first sentence, the time is in the second
  const split = (lang: 'de' | 'en', quoteFor: FeedbackFacts['quoteFor']): FeedbackFacts => ({
    ...strongReply(lang, 0, true),
    empathy: { score: 3, emotionalReaction: 1, interpretation: 1, exploration: 1, evidence: [], limits: [], quotes: {} },
    signals: { ...strongReply(lang, 0, true).signals, solutionHasTime: false, solutionQuote: 'I will make sure the open points are ready.' },
    acts: ['offers_step', 'names_time', 'proposes_contact', 'asks_closed'],
    quoteFor,
  });

  it('quotes the sentence that names the time, not an untimed offer', () => {
    const feedback = composeFeedback(split('en', (act) => (act === 'names_time' ? 'Would Thursday at 10 work for a short call?' : undefined)));
    expect(feedback.strength).toContain('Would Thursday at 10 work for a short call?');
    expect(feedback.strength).not.toContain('open points are ready');
  });

  it('praises the step without claiming a time when no sentence with the time can be quoted', () => {
    const feedback = composeFeedback(split('en', () => undefined));
    expect(feedback.strength).toContain('open points are ready');
    expect(feedback.strength).not.toMatch(/what happens and when/);
  });
});

describe('the tip to ask after an acknowledgement', () => {
  it.each(['en', 'de'] as const)('is never given to a reply with no acknowledging sentence, read as specific for what it did (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const fill = (template: string) => template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    const afterAcknowledgement = fill(text.tips.empathy_explore[1].tip);
    // "Our kitchen can make him a creamy potato soup … cut small": specific in what it does, no acknowledging sentence
    const practical = (turn: number): FeedbackFacts => ({
      ...strongReply(lang, turn, true),
      empathy: { score: 4, emotionalReaction: 0, interpretation: 2, exploration: 0, evidence: [], limits: [], quotes: {} },
      acts: ['offers_step', 'names_time'],
    });
    for (const turn of [0, 1, 2, 3]) expect(composeFeedback(practical(turn)).tip).not.toBe(afterAcknowledgement);
    const acknowledging = [0, 1, 2, 3].map((turn) => composeFeedback({ ...practical(turn), acts: ['offers_step', 'names_time', 'acknowledges'] }).tip);
    expect(acknowledging).toContain(afterAcknowledgement);
  });
});

describe('a reply that already asked what lies behind the wish', () => {
  it.each(['en', 'de'] as const)('is not told to ask what lies behind it; one that did not ask is (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const fill = (template: string) => template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    const exploring = [...text.tips.polish_unusual_request, ...text.tips.empathy_explore]
      .filter((variant) => variant.family === 'exploration')
      .map((variant) => fill(variant.tip));
    expect(exploring.length).toBeGreaterThan(0);
    // "Of course, let me ask the kitchen. Is it for your father?": a closed question that explores
    const reply = (exploration: 0 | 1): FeedbackFacts => ({
      ...strongReply(lang, 0, true),
      focus: ['unusual_request'],
      empathy: { score: 4, emotionalReaction: 0, interpretation: 2, exploration, evidence: [], limits: [], quotes: {} },
      acts: ['offers_step', 'names_time', 'asks_closed'],
    });
    for (const turn of [0, 1, 2, 3]) expect(exploring).not.toContain(composeFeedback({ ...reply(1), turn }).tip);
    expect([0, 1, 2, 3].some((turn) => exploring.includes(composeFeedback({ ...reply(0), turn }).tip))).toBe(true);
  });
});

describe('a reply the model finds hostile without being sure of the kind', () => {
  it.each(['en', 'de'] as const)('gets a tip that quotes the sentence and names no kind; a named kind gets its own tip (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const sentence = lang === 'de' ? 'Suppe gibt es erst ab zwölf, das steht ja auch auf der Karte' : 'Soup is from twelve, as the menu says';
    const hostile = (flags: FeedbackFacts['composure']['flags']): FeedbackFacts => ({
      ...strongReply(lang, 0, true),
      composure: { score: 2, flags, evidence: [sentence], severity: 1.6, byModel: true },
      empathy: { score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0, evidence: [], limits: ['hostile'], quotes: {} },
      acts: ['gives_info'],
    });
    const fill = (template: string) => template.replace('{quote}', sentence).replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    for (const turn of [0, 1]) {
      const unsure = composeFeedback({ ...hostile([]), turn }).tip;
      expect(text.tips.composure_unclear.map((variant) => fill(variant.tip))).toContain(unsure);
      const named = composeFeedback({ ...hostile(['sarcasm']), turn }).tip;
      expect(
        text.tips.composure_sarcasm.map((variant) => fill(variant.tip)),
        named,
      ).toContain(named);
    }
    // no tip of the unsure kind speaks of irony or mockery
    for (const variant of text.tips.composure_unclear) expect(variant.tip).not.toMatch(/iron|mock|spott|sarkas|sarcas/i);
  });
});

describe('an answer that says when, to a caller in a hurry', () => {
  it.each(['en', 'de'] as const)('is not asked for a next step, nor told to take time to check (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const fill = (template: string) => template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    const unwanted = [
      ...text.tips.solution_missing,
      ...text.tips.solution_time,
      ...text.tips.polish_pressure.filter((variant) => (variant.asks as readonly string[] | undefined)?.includes('gives_info')),
    ].map((variant) => fill(variant.tip));
    // "Yes. Once you confirm, the money is with the dealer by 14:45."
    const answered = (acts: FeedbackFacts['acts']): FeedbackFacts => ({
      ...strongReply(lang, 0, true),
      focus: ['pressure'],
      empathy: { score: 3, emotionalReaction: 0, interpretation: 1, exploration: 0, evidence: [], limits: [], quotes: {} },
      signals: { ...strongReply(lang, 0, true).signals, offersSolution: false, solutionHasTime: false },
      acts,
      words: 18,
    });
    for (const turn of [0, 1, 2, 3]) expect(unwanted).not.toContain(composeFeedback({ ...answered(['gives_info', 'names_time']), turn }).tip);
    // without the time it was no answer to "when": the step is asked for
    expect(
      [0, 1].some((turn) =>
        text.tips.solution_missing.map((variant) => fill(variant.tip)).includes(composeFeedback({ ...answered(['gives_info']), turn }).tip),
      ),
    ).toBe(true);
  });
});

describe('the strength of a passive-aggressive reply', () => {
  it.each(['en', 'de'] as const)('names the dig under the polite form, not irony (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const fill = (template: string) => template.replace(/\{[^}]+\}/g, (form) => form.slice(1, -1));
    // "Ich bitte Sie, das Protokoll noch einmal genau zu lesen."
    const facts = (turn: number): FeedbackFacts => ({
      ...strongReply(lang, turn, true),
      composure: { score: 2, flags: ['passive_aggressive'], evidence: ['Please read the minutes again carefully'], severity: 1.6 },
      empathy: { score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0, evidence: [], limits: ['hostile'], quotes: {} },
      signals: { ...strongReply(lang, turn, true).signals, offersSolution: false, solutionHasTime: false },
      acts: ['gives_info'],
    });
    for (const turn of [0, 1]) {
      const strength = composeFeedback(facts(turn)).strength;
      expect(text.strengths.low_passive_aggressive.map(fill)).toContain(strength);
      expect(strength).not.toMatch(/iron|spott|mock/i);
    }
  });
});

describe('the example under the tip', () => {
  it("is never the trainee's own sentence back when another example is there", () => {
    const own = "I'm sorry, Ms Albrecht, I seem to have caught you at a bad moment. The appointment can wait.";
    const other = "You sound as if something is weighing on you. We don't need to talk about the bank today.";
    const facts = (turn: number, reply: string | undefined): FeedbackFacts => ({
      ...strongReply('en', turn, true),
      focus: ['grief'],
      empathy: { score: 3, emotionalReaction: 1, interpretation: 0, exploration: 0, evidence: [], limits: [], quotes: {} },
      acts: ['apologises', 'gives_info'],
      examples: { empathy: { en: [own, other], de: [own, other] } },
      reply,
    });
    for (const turn of [0, 1, 2, 3]) expect(composeFeedback(facts(turn, own)).example).not.toBe(own);
    // without the reply to compare, the persona's lines rotate as before, the first of them included
    expect([0, 1, 2, 3].map((turn) => composeFeedback(facts(turn, undefined)).example)).toContain(own);
  });
});

describe('praise for a step "with a time"', () => {
  // Ms Lindner's trainee: "The soup is a bit trickier since lunch starts at twelve, but let me ask the
  // kitchen what they can do." — the model read a time in the sentence, the quoted step has none.
  const facts = (quote: string): FeedbackFacts => {
    const strong = strongReply('en', 0, true);
    return {
      ...strong,
      empathy: { ...strong.empathy, score: 2, emotionalReaction: 0, interpretation: 0, exploration: 0 },
      signals: { ...strong.signals, solutionHasTime: false },
      acts: ['gives_info', 'offers_step', 'names_time'],
      quoteFor: (act) => (act === 'names_time' || act === 'offers_step' ? quote : undefined),
    };
  };
  const timedTemplates = en.strengths.solution_with_time.map((template) => template.split('{quote}')[0] ?? template);
  const praisedWithTime = (strength: string) => timedTemplates.some((start) => strength.startsWith(start));

  it('is not given when the quoted step names no time', () => {
    const strength = composeFeedback(facts('…let me ask the kitchen what they can do.')).strength;
    expect(strength).toContain('let me ask the kitchen');
    expect(praisedWithTime(strength)).toBe(false);
  });

  it('is given when the quoted step names one', () => {
    expect(praisedWithTime(composeFeedback(facts('I will bring the soup in five minutes.')).strength)).toBe(true);
  });

  it('reads a quote cut short with the rest of its sentence', () => {
    // Ms Lindner's trainee: „…und komme in fünf Minuten wieder." was quoted as „…und komme in fünf…"
    const reply = 'Of course! Then I will ask the kitchen right away what they can make soft for him, and I will be back at your table in five minutes.';
    const cut = 'Then I will ask the kitchen right away what they can make soft for him, and I will be back at your…';
    expect(praisedWithTime(composeFeedback({ ...facts(cut), reply }).strength)).toBe(true);
    // and the lexicons' "with a time" is no time for the step when the time is in another clause
    const hedged = 'The soup is a bit trickier since lunch starts at twelve, but let me ask the kitchen what they can do.';
    const withLexiconTime = { ...facts('…let me ask the kitchen what they can do.'), reply: hedged };
    expect(praisedWithTime(composeFeedback({ ...withLexiconTime, signals: { ...withLexiconTime.signals, solutionHasTime: true } }).strength)).toBe(false);
  });
});

describe('the empathy tip to a guest with an unusual wish', () => {
  it.each(['en', 'de'] as const)('asks to see the person behind the wish, not to acknowledge a feeling she never voiced (%s)', (lang) => {
    const strong = strongReply(lang, 0, true);
    const text = lang === 'de' ? de : en;
    const facts: FeedbackFacts = {
      ...strong,
      focus: ['unusual_request'],
      empathy: { ...strong.empathy, score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0 },
      acts: ['gives_info', 'offers_step'],
    };
    const tip = composeFeedback(facts).tip;
    expect(text.tips.empathy_wish.map((variant) => variant.tip)).toContain(tip);
    // the same reply to a customer who complains gets the plain empathy tip
    expect(text.tips.empathy_none.map((variant) => variant.tip.replace(/\{[^}]+\}/g, ''))).toContainEqual(
      composeFeedback({ ...facts, focus: ['venting'] }).tip.replace(/(?:dem|der) Kund(?:en|in)|(?:des|der) Kund(?:en|in)/g, ''),
    );
  });
});

describe('the strength for a reply to a customer who asked to be left alone', () => {
  // Ms Albrecht's trainee let her go („Ich lasse Sie in Ruhe – alles Gute für Sie.") and was praised
  // for "opening the way to a solution"
  const letGo = (lang: 'de' | 'en', endQuote: string | undefined, specific?: string): FeedbackFacts => {
    const strong = strongReply(lang, 0, true);
    return {
      ...strong,
      focus: ['grief'],
      customerSaidNo: true,
      empathy: { ...strong.empathy, score: 3, emotionalReaction: 1, interpretation: specific ? 2 : 0, exploration: 0, quotes: specific ? { specific } : {} },
      signals: { ...strong.signals, endsConversation: endQuote !== undefined, solutionHasTime: false, ...(endQuote ? { endQuote } : {}) },
      acts: endQuote ? ['offers_step', 'apologises', 'ends_call'] : ['offers_step', 'apologises'],
      quoteFor: () => 'Entschuldigen Sie.',
    };
  };

  it.each(['en', 'de'] as const)('praises letting go, quoting it (%s)', (lang) => {
    const text = lang === 'de' ? de : en;
    const strength = composeFeedback(letGo(lang, 'Ich lasse Sie in Ruhe.')).strength;
    expect(strength).toContain('Ich lasse Sie in Ruhe.');
    expect(text.strengths.respected_no.some((template) => strength.startsWith(template.split('{')[0] ?? template))).toBe(true);
  });

  it('praises the moment perceived where the reply did not end the call, and never a "solution" quoting the apology', () => {
    const strength = composeFeedback(letGo('en', undefined, "I've caught you at a bad moment.")).strength;
    expect(strength).toContain("I've caught you at a bad moment.");
    expect(en.strengths.solution.some((template) => strength.startsWith(template.split('{')[0] ?? template))).toBe(false);
  });

  it('does not ask a reply that perceived the moment to say what it perceives', () => {
    const tip = composeFeedback(letGo('en', undefined, "I've caught you at a bad moment.")).tip;
    expect(en.tips.grief_acknowledge.map((variant) => variant.tip)).not.toContain(tip);
    // the same reply without the perception is asked for it
    expect(en.tips.grief_acknowledge.map((variant) => variant.tip.replace('{the customer}', 'the customer'))).toContain(
      composeFeedback(letGo('en', undefined)).tip,
    );
  });
});

describe('the empathy strength', () => {
  it('quotes the model’s acknowledging sentence only when it found the reply acknowledging', () => {
    // „Nehmen Sie sich alle Zeit, Frau Albrecht. Was ist passiert, wenn ich fragen darf?" had been praised
    // for putting her situation into words, quoting the first sentence
    const strong = strongReply('de', 0, true);
    const facts: FeedbackFacts = {
      ...strong,
      focus: ['grief'],
      empathy: { ...strong.empathy, score: 5, quotes: { question: 'Was ist passiert, wenn ich fragen darf?' } },
      acts: ['asks_open'],
      quoteFor: () => 'Nehmen Sie sich alle Zeit, Frau Albrecht.',
    };
    const strength = composeFeedback(facts).strength;
    expect(strength).toContain('Was ist passiert, wenn ich fragen darf?');
    expect(strength).not.toContain('Nehmen Sie sich alle Zeit');
    expect(composeFeedback({ ...facts, acts: ['asks_open', 'acknowledges'] }).strength).toContain('Nehmen Sie sich alle Zeit');
  });
});

describe('a time named for what the customer does', () => {
  it.each(['en', 'de'] as const)('is not asked for again (%s)', (lang) => {
    // Mr Petersen's trainee: „bestätigen Sie das neue Limit jetzt in Ihrer Banking-App, dann geht die
    // Überweisung sofort raus" had been told that a time would make the step binding
    const text = lang === 'de' ? de : en;
    const reply =
      lang === 'de'
        ? 'Verstehe, es eilt. Bestätigen Sie das neue Limit jetzt in Ihrer Banking-App, dann geht die Überweisung sofort raus.'
        : 'Understood. Confirm the new limit in your banking app now and the transfer goes out straight away.';
    const strong = strongReply(lang, 0, true);
    const facts: FeedbackFacts = {
      ...strong,
      focus: ['pressure'],
      words: 20,
      empathy: { ...strong.empathy, score: 3, emotionalReaction: 0, interpretation: 1, exploration: 0 },
      signals: { ...strong.signals, offersSolution: false, solutionHasTime: false },
      acts: ['gives_info', 'offers_step'],
      reply,
    };
    const allVariants: readonly TipVariant[] = Object.values(text.tips).flatMap((list: readonly TipVariant[]) => [...list]);
    const asksTime = allVariants.filter((variant) => variant.asks?.includes('names_time'));
    for (const turn of [0, 1, 2, 3]) {
      const tip = composeFeedback({ ...facts, turn }).tip;
      expect(asksTime.map((variant) => variant.tip)).not.toContain(tip);
    }
    // without the time, the time is asked for
    const untimed = lang === 'de' ? 'Verstehe. Bestätigen Sie das neue Limit in Ihrer Banking-App.' : 'Understood. Confirm the new limit in your banking app.';
    expect(asksTime.map((variant) => variant.tip)).toContain(composeFeedback({ ...facts, reply: untimed }).tip);
  });
});

describe('a rule quoted as the whole answer', () => {
  // Ms Lindner's trainee answered her wish with "Lunch is from twelve, that's the rule here, sorry.
  // Anything else?" and read composure 5 and "You signalled that you take the concern seriously",
  // quoting that very sentence
  it.each([
    ['en', "Could we have the soup from the lunch menu now? It's a special day.", "Lunch is from twelve, that's the rule here, sorry. Anything else?"],
    [
      'de',
      'Könnten wir die Suppe schon jetzt haben? Heute ist ein besonderer Tag.',
      'Mittagessen gibt es erst ab zwölf, das ist bei uns die Regel, tut mir leid.',
    ],
  ] as const)('is plain (3), and the sentence marked down is not praised (%s)', (lang, customer, reply) => {
    const grade = gradeOffline({ lang, customer, reply, history: [], context: { personaId: 'unusual-request', focus: ['unusual_request'] } }, 'rule');
    expect(grade.composure.score).toBe(3);
    expect(grade.composure.evidence.join(' ')).toMatch(/rule|Regel/);
    const text = lang === 'de' ? de : en;
    const praised = text.strengths.generic_empathy.some((template) => grade.feedback.strength.startsWith(template.split('{')[0] ?? template));
    expect(praised).toBe(false);
    expect(grade.feedback.strength).not.toMatch(/rule|Regel/);
  });
});
