import { describe, expect, it } from 'vitest';
import { loadGraderModel } from '../../../src/evaluation/model/grader-model.js';

// The model reads each sentence of a reply on its own (its words and characters, with the reply's
// shape), so one hostile sentence cannot hide behind polite padding. The whole reply and every
// sentence are read in one pass over the weights; these pin that each sentence gets its own reading.
const model = loadGraderModel();
const read = (reply: string) => model.predict({ lang: 'en', customer: 'Why is my card still blocked?', reply, history: [] });

describe('each sentence read on its own', () => {
  it('gives a sentence the same reading wherever it stands in the reply', () => {
    const first = read('You are an utter idiot. Thank you for calling.');
    const second = read('Thank you for calling. You are an utter idiot.');
    expect(first.sentenceNotComposed).toHaveLength(2);
    expect(second.sentenceNotComposed[1]).toBeCloseTo(first.sentenceNotComposed[0]!, 12);
    expect(second.sentenceNotComposed[0]).toBeCloseTo(first.sentenceNotComposed[1]!, 12);
    expect(second.sentenceActs[1]!.apologises).toBeCloseTo(first.sentenceActs[0]!.apologises, 12);
  });

  it("does not let the other sentence's words into a sentence's reading", () => {
    const a = read('Thank you for calling. You are an utter idiot.');
    const b = read('Thanks for your message. You are an utter idiot.');
    expect(b.sentenceNotComposed[1]).toBeCloseTo(a.sentenceNotComposed[1]!, 12);
    expect(b.sentenceNotComposed[0]).not.toBeCloseTo(a.sentenceNotComposed[0]!, 6);
  });

  it('reads the insult as the hostile sentence and the courtesy as calm', () => {
    const { sentenceNotComposed } = read('Thank you for calling. You are an utter idiot.');
    expect(sentenceNotComposed[1]).toBeGreaterThan(0.5);
    expect(sentenceNotComposed[0]).toBeLessThan(0.2);
  });

  it('reads an act in the sentence that performs it', () => {
    const { sentenceActs } = read("I'm so sorry about the wait. I'll unblock the card by 3 pm today.");
    expect(sentenceActs[0]!.apologises).toBeGreaterThan(sentenceActs[1]!.apologises);
    expect(sentenceActs[1]!.names_time).toBeGreaterThan(sentenceActs[0]!.names_time);
  });
});
