import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/evaluation/grader-patterns.js';
import { sentenceFor } from '../../src/evaluation/judgement.js';
import { defaultGraderModel } from '../../src/evaluation/model/default-model.js';
import { DIALOGUE_ACTS, type DialogueAct } from '../../src/evaluation/model/heads.js';

// Which sentence feedback quotes for an act, given the model's reading of each sentence: the
// probabilities are set here, so the rule is tested, not the weights of the day.
const model = defaultGraderModel();
const reply = prepare('Drei Wochen warten ist lang, das verstehe ich. Mir fehlen noch die BWA und die Summen- und Saldenliste.');

function reading(...sentences: Array<Partial<Record<DialogueAct, number>>>) {
  const base = model.predict({ lang: 'de', customer: 'Wo bleibt mein Kredit?', history: [], reply: reply.text });
  const sentenceActs = sentences.map((given) => Object.fromEntries(DIALOGUE_ACTS.map((act) => [act, given[act] ?? 0])) as Record<DialogueAct, number>);
  return { ...base, sentenceActs };
}

describe('sentenceFor', () => {
  it('does not quote a sentence that is mainly an acknowledgement for information or a step', () => {
    const info = model.actThreshold('gives_info');
    const prediction = reading({ acknowledges: 1, gives_info: info + 0.15, names_time: 0.9 }, { acknowledges: 0.2, gives_info: info + 0.05 });
    expect(sentenceFor('gives_info', prediction, model, reply)).toBe('Mir fehlen noch die BWA und die Summen- und Saldenliste.');
    expect(sentenceFor('acknowledges', prediction, model, reply)).toBe('Drei Wochen warten ist lang, das verstehe ich.');
    // a sentence that acknowledges and does the act about as strongly stays quotable
    const both = reading({ acknowledges: 1, gives_info: 0.95 }, { acknowledges: 0.2, gives_info: info + 0.01 });
    expect(sentenceFor('gives_info', both, model, reply)).toBe('Drei Wochen warten ist lang, das verstehe ich.');
    // nothing else reaches the threshold: nothing is quoted rather than the wrong sentence
    const none = reading({ acknowledges: 1, gives_info: info + 0.1 }, { acknowledges: 0.2, gives_info: info - 0.2 });
    expect(sentenceFor('gives_info', none, model, reply)).toBeUndefined();
  });

  it('does not quote a bare "Yes." for the content of the sentence after it', () => {
    // Mr Petersen's trainee was praised as "Clear and to the point: 'Yes.'"
    const answer = prepare('Yes. Confirm the new limit in your app now and it goes through in a few minutes.');
    const info = model.actThreshold('gives_info');
    const base = model.predict({ lang: 'en', customer: 'Yes or no?', history: [], reply: answer.text });
    const acts = (given: Partial<Record<DialogueAct, number>>) =>
      Object.fromEntries(DIALOGUE_ACTS.map((act) => [act, given[act] ?? 0])) as Record<DialogueAct, number>;
    const prediction = { ...base, sentenceActs: [acts({ gives_info: info + 0.3 }), acts({ gives_info: info + 0.1 })] };
    expect(sentenceFor('gives_info', prediction, model, answer)).toBe('Confirm the new limit in your app now and it goes through in a few minutes.');
    // the same yes as the whole reply is the answer
    const alone = prepare('Yes.');
    expect(
      sentenceFor(
        'gives_info',
        { ...model.predict({ lang: 'en', customer: 'Yes or no?', history: [], reply: 'Yes.' }), acts: new Set(['gives_info']) },
        model,
        alone,
      ),
    ).toBe('Yes.');
  });
});
