import { describe, expect, it } from 'vitest';
import type { VoiceRequest } from '../../src/engine/customer-voice.js';
import type { HeardReply } from '../../src/engine/listening.js';
import type { Turn } from '../../src/evaluation/grade.js';
import { buildVoiceMessages, knownTexts } from '../../src/llm/persona-prompt.js';
import type { Persona } from '../../src/personas/persona-schema.js';
import { loadPromptLibrary } from '../../src/prompts/prompt-library.js';
import { testPersona } from '../support/fake-openai/llm-test-kit.js';

const prompts = loadPromptLibrary();

const withFacts: Persona = {
  ...testPersona,
  facts: {
    refund: { about: { en: 'when the refund arrives', de: 'wann die Erstattung kommt' }, given: { en: ['refund'], de: ['erstattung'] } },
    card: { about: { en: 'when the new card comes', de: 'wann die neue Karte kommt' }, given: { en: ['new card'], de: ['neue karte'] } },
    branch: { about: { en: 'which branch to visit', de: 'welche Filiale' }, given: { en: ['branch'], de: ['filiale'] } },
  },
};

function request(overrides: Partial<VoiceRequest> = {}): VoiceRequest {
  return { persona: testPersona, lang: 'en', intensity: 'standard', stageId: 'angry', revealAllowed: false, history: [], said: [], ...overrides };
}

function heard(overrides: Partial<HeardReply> = {}): HeardReply {
  return { words: 8, acts: [], composure: 4, newFacts: [], givenFacts: [], griefMisstep: false, customerInHurry: false, ...overrides };
}

/** The voice's system prompt for this request. */
function systemPrompt(overrides: Partial<VoiceRequest> = {}, maxHistoryTurns = 8): string {
  return buildVoiceMessages(prompts, request(overrides), maxHistoryTurns)[0]!.content;
}

/** One line of the system prompt, found by how it starts. */
function lineStarting(text: string, start: string): string {
  const line = text.split('\n').find((candidate) => candidate.startsWith(start));
  if (line === undefined) throw new Error(`no line starting with ${JSON.stringify(start)} in:\n${text}`);
  return line;
}

describe('persona voice prompt', () => {
  it('refuses a stage the persona does not have, naming it', () => {
    expect(() => systemPrompt({ stageId: 'nowhere' })).toThrow('persona test-blocked-card has no stage nowhere');
  });

  it('names the channel in words', () => {
    expect(systemPrompt({ persona: { ...testPersona, channel: 'in_person' } })).toContain('The conversation takes place on this channel: in person.');
  });

  it('says a stage without an end continues, and names the end of one that has it', () => {
    expect(lineStarting(systemPrompt({ stageId: 'angry' }), 'How this stage ends:')).toMatch(/^How this stage ends: continues /);
    expect(lineStarting(systemPrompt({ stageId: 'hangs_up' }), 'How this stage ends:')).toMatch(/^How this stage ends: hung_up /);
  });

  it("lists the stage's prepared lines one per bullet, and the stage's own lines when the plan has none left", () => {
    const persona: Persona = {
      ...testPersona,
      stages: { ...testPersona.stages, angry: { ...testPersona.stages.angry!, lines: { de: ['Eins.', 'Zwei.'], en: ['One.', 'Two.'] } } },
    };
    expect(systemPrompt({ persona })).toContain('\n- One.\n- Two.\n');
    expect(systemPrompt({ persona, plan: { family: 'insist', stageLines: [] } })).toContain('\n- One.\n- Two.\n');
    expect(systemPrompt({ persona, plan: { family: 'insist', stageLines: ['Three.'] } })).not.toContain('- One.');
  });

  it('ends with the prepared lines for the opening line, when nothing has been heard yet', () => {
    expect(systemPrompt().trimEnd().endsWith('\n- My card is blocked! Unbelievable!')).toBe(true);
  });

  it('adds the summary of earlier messages only when the history window left some out', () => {
    const history: Turn[] = [
      { role: 'customer', text: 'My card is blocked! Unbelievable!' },
      { role: 'trainee', text: 'I am sorry.' },
    ];
    expect(systemPrompt({ history }, 2)).not.toContain('Earlier in this conversation');
    expect(systemPrompt({ history }, 1)).toContain('1 earlier messages are not shown');
  });

  it('marks the opening as unknown when the left-out messages hold no customer line', () => {
    const history: Turn[] = [
      { role: 'trainee', text: 'Hello, how can I help?' },
      { role: 'customer', text: 'My card is blocked!' },
      { role: 'trainee', text: 'I am sorry.' },
    ];
    expect(systemPrompt({ history }, 2)).toContain('The conversation began with you saying: …');
  });
});

describe('persona voice prompt: what the customer just heard', () => {
  const plan = { family: 'insist' as const, stageLines: ['So what now?'] };

  it("names the reply's acts, or nothing in particular", () => {
    const acts = lineStarting(systemPrompt({ plan, heard: heard({ acts: ['apologises', 'offers_step'] }) }), "The member of staff's last reply:");
    expect(acts).toBe("The member of staff's last reply: apologises, offers a concrete next step.");
    expect(systemPrompt({ plan, heard: heard() })).toContain("The member of staff's last reply: nothing in particular.");
  });

  it('lists the facts already given and the ones still open, each once', () => {
    const system = systemPrompt({ persona: withFacts, plan, heard: heard({ givenFacts: ['refund', 'card'] }) });
    expect(lineStarting(system, 'Already settled')).toMatch(/: when the refund arrives; when the new card comes\.$/);
    expect(lineStarting(system, 'Still open for you:')).toBe('Still open for you: which branch to visit.');

    const fresh = systemPrompt({ persona: withFacts, plan, heard: heard() });
    expect(lineStarting(fresh, 'Already settled')).toMatch(/: nothing yet\.$/);
    expect(lineStarting(fresh, 'Still open for you:')).toBe('Still open for you: when the refund arrives; when the new card comes; which branch to visit.');

    const settled = systemPrompt({ persona: withFacts, plan, heard: heard({ givenFacts: ['refund', 'card', 'branch'] }) });
    expect(lineStarting(settled, 'Still open for you:')).toBe('Still open for you: nothing.');
    expect(lineStarting(systemPrompt({ plan, heard: heard() }), 'Still open for you:')).toBe('Still open for you: nothing.');
  });

  it('mentions a promised time only when there was one', () => {
    const system = systemPrompt({ plan, heard: heard() });
    expect(system).not.toContain('promised');
    expect(system).toMatch(/Still open for you: nothing\.\n+React first/);
  });

  it('words the reaction family and quotes its lines as alternatives', () => {
    const reaction = { family: 'hold_to_time' as const, lines: ['By noon, then.', 'I will hold you to that.'] };
    const system = systemPrompt({ plan: { ...plan, reaction }, heard: heard() });
    expect(lineStarting(system, 'React first in this way:')).toBe(
      'React first in this way: hold to time, as in: "By noon, then." or "I will hold you to that.", then the line above.',
    );
  });

  it('says the stage line is all when no reaction comes first', () => {
    const system = systemPrompt({ plan: { family: 'calm_down', stageLines: ['Fine.'] }, heard: heard() });
    expect(lineStarting(system, 'React first in this way:')).toBe('React first in this way: calm down: the line above is all.');
  });
});

describe('known texts for the backstory guard', () => {
  it("holds the brief, the customer's name, every script line of the stages before the reveal, and the conversation", () => {
    const persona: Persona = {
      ...testPersona,
      stages: {
        ...testPersona.stages,
        angry: {
          ...testPersona.stages.angry!,
          gentle: { de: ['Bitte helfen Sie mir.'], en: ['Please help me.'] },
          harsh: { de: ['Das ist eine Frechheit!'], en: ['This is outrageous!'] },
          narration: { de: 'Sie seufzt.', en: 'She sighs.' },
        },
      },
    };
    const history: Turn[] = [{ role: 'trainee', text: 'How can I help?' }];
    // stages without a narration add nothing that could count as a known word
    expect(knownTexts(request({ persona, history })).filter((text) => text !== '')).toEqual([
      "Ms Weber's card was blocked abroad.",
      'Stay calm and help.',
      'Ms Weber',
      'My card is blocked! Unbelievable!',
      'Please help me.',
      'This is outrageous!',
      'She sighs.',
      'Thank you, that helps.',
      'Forget it. Goodbye.',
      'How can I help?',
    ]);
  });
});
