import { describe, expect, it } from 'vitest';
import { judgeActs, KIND_NAMED_FROM } from '../../src/evaluation/judgement.js';
import { lexiconFacts, runLexicons } from '../../src/evaluation/lexicon-pass.js';
import { defaultGraderModel } from '../../src/evaluation/model/default-model.js';
import type { ComposureFailure, DialogueAct } from '../../src/evaluation/model/heads.js';

// A reply marked down for blaming or lecturing does what it was marked down for, whether the
// lexicons or the model named the kind: the customer's rebuke (reaction guide, rules 4–5) follows it.
const input = {
  lang: 'de' as const,
  customer: 'Warum hat mich niemand informiert?',
  reply: 'Die Information stand in meiner Mail vom 3. Mai, auf die leider keine Antwort kam.',
  history: [],
};

function actsWith(failure: ComposureFailure, probability: number, score: 1 | 2 | 3 | 4 | 5) {
  const pass = runLexicons(input);
  const findings = pass.findings!;
  const prediction = {
    ...defaultGraderModel().predict({ ...input, reply: pass.reply.text.text, lexicon: lexiconFacts(pass) }),
    // the acts read from the words are left out: only the failure kind is under test
    acts: new Set<DialogueAct>(),
    failure,
    failureProbability: probability,
  };
  return judgeActs(findings, prediction, pass.reply.text, { ...findings.composure, score, flags: [] }, 'de');
}

describe('judgeActs: the kind of a composure failure', () => {
  it("adds the act the model's failure kind names to a reply that is not composed", () => {
    expect(actsWith('blame', 0.7, 2)).toContain('blames');
    expect(actsWith('lecturing', 0.7, 2)).toContain('lectures');
    expect(actsWith('condescension', 0.7, 1)).toContain('lectures');
    expect(actsWith('defensive', 0.7, 2)).toContain('justifies');
    // from the certainty at which the feedback names the kind, not above it
    expect(actsWith('lecturing', KIND_NAMED_FROM, 2)).toContain('lectures');
  });

  it('adds nothing for a composed reply, or when the model is unsure of the kind', () => {
    expect(actsWith('blame', 0.7, 4)).not.toContain('blames');
    expect(actsWith('blame', KIND_NAMED_FROM - 0.01, 2)).not.toContain('blames');
    expect(actsWith('sarcasm', 0.9, 2)).not.toContain('blames');
  });
});
