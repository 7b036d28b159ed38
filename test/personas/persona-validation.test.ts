import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, PersonaFileError, UserFacingError } from '../../src/errors.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';
import { customerGender, gradingContext } from '../../src/personas/grading-context.js';
import { loadPersonaCatalog, parsePersonaFile } from '../../src/personas/load-personas.js';
import { PersonaSchema, type Persona } from '../../src/personas/persona-schema.js';
import { stageHint } from '../../src/personas/persona-text.js';
import { removePersonaDirs, validPersonaData, writePersonaDir } from './persona-fixtures.js';

/**
 * What a trainer reads when a persona file is wrong: every check of the schema and the loader, each
 * with the field path and the words that say what to fix. The messages are the product here: a
 * trainer has nothing else to go on.
 */

afterAll(removePersonaDirs);

type Data = ReturnType<typeof validPersonaData>;

/** The message `parsePersonaFile` fails with for `data` written as JSON to `<id>.json`. */
function problemsOf(data: object, id = 'sample'): string {
  try {
    parsePersonaFile(`${id}.json`, JSON.stringify(data));
  } catch (error) {
    expect(error).toBeInstanceOf(PersonaFileError);
    return (error as Error).message;
  }
  throw new Error('the persona was accepted');
}

function sample(): Data {
  return validPersonaData('sample');
}

function parsed(data: object = sample()): Persona {
  return parsePersonaFile('sample.json', JSON.stringify(data));
}

describe('the persona schema names each broken reference by its path', () => {
  it('a start stage that does not exist, listing the stages there are', () => {
    expect(problemsOf({ ...sample(), start: 'greeting' })).toContain('start: names no stage (stages: opening, resolved, hung_up)');
  });

  it('a fact named in `notGiven` that the persona does not declare, wherever the condition stands', () => {
    const data = sample();
    const opening = { ...data.stages.opening, transitions: [{ when: { notGiven: ['refund_date'] }, to: 'resolved' }, ...data.stages.opening.transitions] };
    expect(problemsOf({ ...data, stages: { ...data.stages, opening } })).toContain(
      'stages.opening.transitions[0].when.notGiven[0]: names no fact (facts: none)',
    );
    const withFact = {
      ...data,
      facts: { refund_date: { about: { de: 'wann', en: 'when' }, given: { de: ['morgen'], en: ['tomorrow'] } } },
      reactions: { hold_to_time: { when: { notGiven: ['refund_day'] }, lines: { de: ['Wann?'], en: ['When?'] } } },
    };
    expect(problemsOf(withFact)).toContain('reactions.hold_to_time.when.notGiven[0]: names no fact (facts: refund_date)');
    const twoFacts = { ...withFact, facts: { ...withFact.facts, card_date: { about: { de: 'wann', en: 'when' }, given: { de: ['heute'], en: ['today'] } } } };
    expect(problemsOf(twoFacts)).toContain('names no fact (facts: refund_date, card_date)');
    const asking = { ...data.stages.opening, asks: { refund_day: { de: ['Wann?'], en: ['When?'] } } };
    expect(problemsOf({ ...twoFacts, reactions: undefined, stages: { ...data.stages, opening: asking } })).toContain(
      'stages.opening.asks.refund_day: names no fact (facts: refund_date, card_date)',
    );
    const variant = { ...data.stages.opening, variants: [{ when: { notGiven: ['refund_day'] }, lines: { de: ['A (de)'], en: ['A'] } }] };
    expect(problemsOf({ ...withFact, reactions: undefined, stages: { ...data.stages, opening: variant } })).toContain(
      'stages.opening.variants[0].when.notGiven[0]: names no fact (facts: refund_date)',
    );
    const stageReaction = {
      ...data.stages.opening,
      reactions: { hold_to_time: { when: { notGiven: ['refund_day'] }, lines: { de: ['Wann?'], en: ['When?'] } } },
    };
    expect(problemsOf({ ...withFact, reactions: undefined, stages: { ...data.stages, opening: stageReaction } })).toContain(
      'stages.opening.reactions.hold_to_time.when.notGiven[0]: names no fact (facts: refund_date)',
    );
    // a declared fact is accepted in every one of these places
    const fine = { ...data.stages.opening, transitions: [{ when: { notGiven: ['refund_date'] }, to: 'resolved' }, ...data.stages.opening.transitions] };
    expect(parsed({ ...withFact, reactions: undefined, stages: { ...data.stages, opening: fine } }).stages['opening']?.transitions).toHaveLength(3);
  });

  it('a stage that asks for a fact the persona does not declare', () => {
    const data = sample();
    const opening = { ...data.stages.opening, asks: { refund_date: { de: ['Wann?'], en: ['When?'] } } };
    expect(problemsOf({ ...data, stages: { ...data.stages, opening } })).toContain('stages.opening.asks.refund_date: names no fact (facts: none)');
  });

  it('a transition to a stage that does not exist, in the schema itself (not only in the loader)', () => {
    const data = sample();
    const opening = { ...data.stages.opening, transitions: [{ when: {}, to: 'nowhere' }] };
    const result = PersonaSchema.safeParse({ ...data, stages: { ...data.stages, opening } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toContain(
      'stages.opening.transitions.0.to: names no stage "nowhere"',
    );
  });

  it('an end stage with transitions', () => {
    const data = sample();
    const resolved = { ...data.stages.resolved, transitions: [{ when: {}, to: 'opening' }] };
    expect(problemsOf({ ...data, stages: { ...data.stages, resolved } })).toContain('stages.resolved.transitions: an end stage has no transitions');
  });

  it('a fact pattern that is no regular expression, with the engine’s reason', () => {
    const data = { ...sample(), facts: { refund_date: { about: { de: 'wann', en: 'when' }, given: { de: ['morgen'], en: ['(tomorrow'] } } } };
    expect(problemsOf(data)).toMatch(/facts\.refund_date\.given\.en\[0\]: is not a valid regular expression: .*\(tomorrow/);
    // checked with the flags the customer reads it with (Unicode): "\-" outside a class is an error there only
    const unicodeOnly = { ...sample(), facts: { refund_date: { about: { de: 'wann', en: 'when' }, given: { de: ['morgen'], en: ['to\\-morrow'] } } } };
    expect(problemsOf(unicodeOnly)).toContain('facts.refund_date.given.en[0]: is not a valid regular expression');
  });

  it('a "cut short" reaction without its own `when`, at the persona or in a stage', () => {
    const lines = { de: ['Kurz bitte.'], en: ['Keep it short.'] };
    expect(problemsOf({ ...sample(), reactions: { cut_short: { lines } } })).toContain(
      "reactions.cut_short: needs a `when` (e.g. { minWords: 50 }): a long reply is the persona's to define",
    );
    const data = sample();
    const opening = { ...data.stages.opening, reactions: { cut_short: { lines } } };
    expect(problemsOf({ ...data, stages: { ...data.stages, opening } })).toContain('reactions.cut_short: needs a `when`');
    expect(parsed({ ...sample(), reactions: { cut_short: { when: { minWords: 50 }, lines } } }).reactions?.cut_short?.when?.minWords).toBe(50);
  });

  it('a persona without any stage that ends', () => {
    const data = sample();
    const { end: _resolvedEnd, ...resolved } = data.stages.resolved;
    const { end: _hungUpEnd, ...hungUp } = data.stages.hung_up;
    expect(problemsOf({ ...data, stages: { opening: data.stages.opening, resolved, hung_up: hungUp } })).toContain(
      'stages: needs at least one stage with `end`',
    );
  });
});

describe('the issue list a trainer reads', () => {
  it('lists eight problems and counts the rest', () => {
    const data = sample();
    const broken = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`extra${index}`, true]));
    const stages = Object.fromEntries(Object.entries(data.stages).map(([id, stage]) => [id, { ...stage, hint: 1 }]));
    const message = problemsOf({ ...data, ...broken, channel: 'fax', difficulty: 9, maxTurns: 1, stages, backstory: 5, names: 3, customerName: 2 });
    const listed = message.slice(message.indexOf(': ') + 2).split('; ');
    expect(listed).toHaveLength(9);
    const issues =
      PersonaSchema.safeParse({ ...data, ...broken, channel: 'fax', difficulty: 9, maxTurns: 1, stages, backstory: 5, names: 3, customerName: 2 }).error
        ?.issues ?? [];
    expect(listed.at(-1)).toBe(`(and ${issues.length - 8} more)`);
  });

  it('lists exactly eight problems without a tail', () => {
    const eight = { ...sample(), channel: 'fax', difficulty: 9, maxTurns: 1, backstory: 5, names: 3, customerName: 2, focus: 'venting', start: 4 };
    expect(PersonaSchema.safeParse(eight).error?.issues).toHaveLength(8);
    const message = problemsOf(eight);
    expect(message.split('; ')).toHaveLength(8);
    expect(message).not.toContain('more)');
  });

  it('names the top level when the whole file is of the wrong kind, and lists no tail when all problems fit', () => {
    const message = problemsOf(['not', 'a', 'persona']);
    expect(message).toMatch(/sample\.json: \(top level\): expected object/);
    expect(message).not.toContain('more)');
    expect(message).not.toContain('Invalid input');
  });

  it('says "unknown field" and "unknown fields" as the count requires', () => {
    expect(problemsOf({ ...sample(), colour: 'red' })).toContain('(top level): unknown field "colour"');
    expect(problemsOf({ ...sample(), colour: 'red', mood: 'bad' })).toContain('(top level): unknown fields "colour", "mood"');
  });

  it('names a stage id that breaks the id rule as an invalid key', () => {
    const data = sample();
    expect(problemsOf({ ...data, stages: { ...data.stages, 'Bad Stage': data.stages.resolved } })).toContain(
      'stages.Bad Stage: invalid key: must match pattern',
    );
  });
});

describe('loading persona folders', () => {
  it('fails on a path that is a file, not a folder, keeping the cause', async () => {
    const dir = await writePersonaDir({});
    const file = join(dir, 'plain.txt');
    await writeFile(file, 'not a folder', 'utf8');
    const error: unknown = await loadPersonaCatalog({ dirs: [file] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PersonaFileError);
    expect((error as Error).message).toBe(`${file}: is a file, not a persona folder`);
    expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe('ENOTDIR');
  });

  it('keeps the cause of a missing folder, of invalid YAML and of a schema failure', async () => {
    const missing = join(await writePersonaDir({}), 'gone');
    const notFound: unknown = await loadPersonaCatalog({ dirs: [missing] }).catch((caught: unknown) => caught);
    expect((notFound as Error & { cause?: { code?: string } }).cause?.code).toBe('ENOENT');
    const yaml: unknown = (() => {
      try {
        return parsePersonaFile('broken.yaml', 'id: broken\nnames: [unclosed\n');
      } catch (error) {
        return error;
      }
    })();
    expect((yaml as Error).cause).toBeInstanceOf(Error);
    expect((yaml as Error).message).not.toMatch(/:$/);
    const schema: unknown = (() => {
      try {
        return parsePersonaFile('sample.json', JSON.stringify({ ...sample(), difficulty: 9 }));
      } catch (error) {
        return error;
      }
    })();
    expect((schema as Error & { cause?: { issues?: unknown[] } }).cause?.issues?.length).toBeGreaterThan(0);
  });

  it('fails with the reason on a folder that cannot be read for another reason', async () => {
    const error: unknown = await loadPersonaCatalog({ dirs: ['bad\u0000folder'] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('persona_folder_unreadable');
    expect((error as Error).message.startsWith('bad\u0000folder: cannot read persona folder: ')).toBe(true);
    expect((error as Error).message.length).toBeGreaterThan('bad\u0000folder: cannot read persona folder: '.length);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('joins every stage-graph problem of a file into one message', async () => {
    const data = validPersonaData('dead-end');
    const loop = { lines: data.stages.resolved.lines, hint: data.stages.resolved.hint, transitions: [{ when: {}, to: 'loop' }] };
    const dir = await writePersonaDir({ 'dead-end.yaml': { ...data, stages: { ...data.stages, loop } } });
    const error: unknown = await loadPersonaCatalog({ dirs: [dir] }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `${join(dir, 'dead-end.yaml')}: stages.loop: cannot be reached from the start stage "opening"; stages.loop: has no path to a stage with \`end\``,
    );
  });

  it('reads the files of a folder in name order', async () => {
    const dir = await writePersonaDir({
      'zeta.yaml': validPersonaData('zeta'),
      'alpha.yaml': validPersonaData('alpha'),
      'mid.json': JSON.stringify(validPersonaData('mid')),
    });
    const catalog = await loadPersonaCatalog({ dirs: [dir] });
    expect(catalog.list().map((persona) => persona.id)).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('logs each persona loaded and the count, with the folders', async () => {
    const dir = await writePersonaDir({ 'alpha.yaml': validPersonaData('alpha'), 'beta.yaml': validPersonaData('beta') });
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    await loadPersonaCatalog({ dirs: [dir], log });
    expect(lines.filter((line) => line['msg'] === 'persona loaded').map((line) => [line['personaId'], line['file']])).toEqual([
      ['alpha', join(dir, 'alpha.yaml')],
      ['beta', join(dir, 'beta.yaml')],
    ]);
    expect(lines.find((line) => line['msg'] === 'personas loaded')).toMatchObject({ count: 2, dirs: [dir] });
    // a folder with files says nothing about being empty
    expect(lines.some((line) => String(line['msg']).includes('no .yaml'))).toBe(false);
  });
});

describe('a catalog built in memory', () => {
  it('refuses an id given twice', () => {
    const persona = parsed();
    let error: unknown;
    try {
      createPersonaCatalog([persona, persona]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('persona_duplicate');
    expect((error as Error).message).toBe('persona id "sample" is given twice');
  });

  it('lists the known ids when asked for one it does not have', () => {
    const catalog = createPersonaCatalog([parsed(), parsePersonaFile('other.json', JSON.stringify(validPersonaData('other')))]);
    expect(() => catalog.require('anyone')).toThrow('There is no persona "anyone". Known personas: sample, other.');
  });

  it('says "(none)" when asked for a persona in an empty catalog', () => {
    expect(() => createPersonaCatalog([]).require('anyone')).toThrow(
      new UserFacingError('persona_unknown', 'There is no persona "anyone". Known personas: (none).'),
    );
  });
});

describe('what the grader and the front ends read from a persona', () => {
  it('takes the customer’s gender from the German name only at its start', () => {
    const withName = (de: string) => parsed({ ...sample(), customerName: { de, en: 'Mx Sample' } });
    expect(customerGender(withName('Frau Albrecht'))).toBe('female');
    expect(customerGender(withName('Herr Kessler'))).toBe('male');
    expect(customerGender(withName('Dr. Frau Hartmann'))).toBeUndefined();
    expect(customerGender(withName('Kim Herrmann'))).toBeUndefined();
    expect(customerGender(withName('Mona Herr'))).toBeUndefined();
    expect(customerGender(withName('  Frau Albrecht'))).toBe('female');
    // a gender the file states wins over the name
    expect(customerGender(parsed({ ...sample(), customerName: { de: 'Frau Albrecht', en: 'Ms Albrecht' }, customerGender: 'male' }))).toBe('male');
    expect(gradingContext(withName('Frau Albrecht')).customerGender).toBe('female');
    expect(gradingContext(withName('Kim Herrmann'))).not.toHaveProperty('customerGender');
  });

  it('fills the families a stage leaves out from the persona’s examples, and keeps the stage’s own', () => {
    const data = sample();
    const opening = { ...data.stages.opening, examples: { empathy: { de: ['Stufe (de)'], en: ['Stage line'] } } };
    const persona = parsed({
      ...data,
      examples: { empathy: { de: ['Persona (de)'], en: ['Persona line'] }, closing: { de: ['Tschüss (de)'], en: ['Goodbye'] } },
      stages: { ...data.stages, opening },
    });
    const examples = gradingContext(persona, 'opening').examples;
    expect(examples?.empathy?.en).toEqual(['Stage line']);
    expect(examples?.closing?.en).toEqual(['Goodbye']);
    expect(Object.keys(examples ?? {}).sort()).toEqual(['closing', 'empathy']);
  });

  it('names the persona and the stage when a stored session outlived an edit of the file', () => {
    const persona = parsed();
    for (const read of [() => gradingContext(persona, 'vanished'), () => stageHint(persona, 'vanished', 'en')]) {
      expect(read).toThrow('persona "sample" has no stage "vanished"');
      expect(read).toThrow(expect.objectContaining({ code: 'persona_stage_unknown' }));
    }
    expect(stageHint(persona, 'opening', 'en')).toBe('Acknowledge the feeling.');
  });
});
