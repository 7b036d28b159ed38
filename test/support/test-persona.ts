import { PersonaSchema, type Persona, type PersonaInput } from '../../src/personas/persona-schema.js';

const both = (en: string, de = `${en} (de)`) => ({ en, de });
const lines = (...en: string[]) => ({ en, de: en.map((line) => `${line} (de)`) });

/** A small persona for engine tests: calm → (good empathy) → softer → (solution) → resolved; rude replies → angry → hung up. */
export function testPersona(overrides: Partial<PersonaInput> = {}): Persona {
  return PersonaSchema.parse({
    id: 'test-customer',
    names: both('Test customer'),
    customerName: both('Ms Test'),
    channel: 'phone',
    difficulty: 1,
    focus: ['venting'],
    brief: { en: { situation: 'A test.', goal: 'Pass it.' }, de: { situation: 'Ein Test.', goal: 'Bestehen.' } },
    backstory: both('Secret backstory.'),
    maxTurns: 6,
    start: 'opening',
    stages: {
      opening: {
        lines: lines('Opening A', 'Opening B', 'Opening C'),
        harsh: lines('HARSH opening'),
        hint: both('Name the feeling.'),
        transitions: [
          { when: { composure: { max: 2 } }, to: 'angry' },
          { when: { empathy: { min: 4 } }, to: 'softer' },
        ],
      },
      softer: {
        lines: lines('Softer A', 'Softer B'),
        reveals: true,
        narration: both('She sighs.'),
        hint: both('Offer a next step.'),
        transitions: [{ when: { offersSolution: true }, to: 'resolved' }],
      },
      angry: {
        lines: lines('Angry A', 'Angry B'),
        abusive: true,
        hint: both('Calm down.'),
        transitions: [
          { when: { composure: { max: 2 } }, to: 'hangup' },
          { when: { empathy: { min: 4 } }, to: 'softer' },
        ],
      },
      resolved: { lines: lines('Thank you, goodbye.'), hint: both('Close warmly.'), end: 'resolved' },
      hangup: { lines: lines('That is it, I am hanging up.'), hint: both('Too late.'), end: 'hung_up' },
    },
    ...overrides,
  });
}
