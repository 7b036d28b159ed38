import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { PersonaFileError, UserFacingError } from '../../src/errors.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog, parsePersonaFile } from '../../src/personas/load-personas.js';
import { removePersonaDirs, validPersonaData, writePersonaDir } from './persona-fixtures.js';

const BUILTIN_IDS = ['drifting-client', 'frustrated', 'grieving', 'impatient-caller', 'insulting', 'unusual-request'];

afterAll(removePersonaDirs);

/** Loads `dir` alone and returns the PersonaFileError it must fail with. */
async function loadError(dir: string): Promise<PersonaFileError> {
  const error: unknown = await loadPersonaCatalog({ dirs: [dir] }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PersonaFileError);
  return error as PersonaFileError;
}

describe('loadPersonaCatalog', () => {
  it('loads the six built-in personas from the folder next to the code', async () => {
    const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
    expect(
      catalog
        .list()
        .map((p) => p.id)
        .sort(),
    ).toEqual(BUILTIN_IDS);
    expect(catalog.get('grieving')?.customerName.en).toBe('Ms Albrecht');
  });

  it('loads a trainer folder beside the built-ins, YAML and JSON alike, ignoring other files', async () => {
    const jsonPersona = validPersonaData('json-customer');
    const dir = await writePersonaDir({
      'trainer-customer.yaml': validPersonaData('trainer-customer'),
      'json-customer.json': JSON.stringify(jsonPersona, null, 2),
      'README.md': '# notes, not a persona',
    });
    const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR, dir] });
    const ids = catalog.list().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([...BUILTIN_IDS, 'trainer-customer', 'json-customer']));
    expect(ids).toHaveLength(BUILTIN_IDS.length + 2);
    expect(catalog.require('json-customer').names.en).toBe(jsonPersona.names.en);
  });

  it('reads a folder named twice only once, so PERSONAS_DIR may point at the built-in folder', async () => {
    const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR, join(BUILTIN_PERSONAS_DIR, '.')] });
    expect(catalog.list()).toHaveLength(BUILTIN_IDS.length);
  });

  it('warns about a trainer folder without persona files instead of passing over it silently', async () => {
    const dir = await writePersonaDir({ 'notes.txt': 'nothing here' });
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const catalog = await loadPersonaCatalog({ dirs: [dir], log });
    expect(catalog.list()).toEqual([]);
    expect(lines.join('')).toContain('persona folder has no .yaml, .yml or .json files');
    expect(lines.join('')).toContain(JSON.stringify(dir).slice(1, -1));
  });

  it('fails on invalid YAML, naming the file and the line', async () => {
    const dir = await writePersonaDir({ 'broken.yaml': 'id: broken\nnames: [unclosed\nstart: opening\n' });
    const error = await loadError(dir);
    expect(error.code).toBe('persona_invalid');
    expect(error.message).toContain(join(dir, 'broken.yaml'));
    expect(error.message).toMatch(/invalid YAML\/JSON: .*line \d+, column \d+$/);
  });

  it('fails on a missing field, naming the file and the field', async () => {
    const { brief: _brief, ...withoutBrief } = validPersonaData('no-brief');
    const error = await loadError(await writePersonaDir({ 'no-brief.yaml': withoutBrief }));
    expect(error.message).toContain('no-brief.yaml: brief: missing');
  });

  it('fails on a field of the wrong type, naming the full field path', async () => {
    const data = validPersonaData('angry');
    const broken = { ...data, stages: { ...data.stages, opening: { ...data.stages.opening, lines: { de: 'one line', en: ['one line'] } } } };
    const error = await loadError(await writePersonaDir({ 'angry.yaml': broken }));
    expect(error.message).toContain('angry.yaml: stages.opening.lines.de: expected array');
  });

  it('fails on a misspelt field instead of ignoring it', async () => {
    const data = validPersonaData('typo');
    const broken = { ...data, stages: { ...data.stages, resolved: { ...data.stages.resolved, hnit: data.stages.resolved.hint } } };
    const error = await loadError(await writePersonaDir({ 'typo.yaml': broken }));
    expect(error.message).toContain('typo.yaml: stages.resolved: unknown field "hnit"');
  });

  it('fails on a transition to a stage that does not exist', async () => {
    const data = validPersonaData('lost-way');
    const opening = data.stages.opening;
    const broken = { ...data, stages: { ...data.stages, opening: { ...opening, transitions: [{ when: {}, to: 'nowhere' }] } } };
    const error = await loadError(await writePersonaDir({ 'lost-way.yaml': broken }));
    expect(error.message).toContain('lost-way.yaml: stages.opening.transitions[0].to: names no stage "nowhere"');
  });

  it('fails when the file name differs from the id', async () => {
    const error = await loadError(await writePersonaDir({ 'renamed.yaml': validPersonaData('original') }));
    expect(error.message).toContain('renamed.yaml: id: "original" must equal the file name "renamed"');
  });

  it('fails on an id defined twice across folders, naming both files', async () => {
    const first = await writePersonaDir({ 'twin.yaml': validPersonaData('twin') });
    const second = await writePersonaDir({ 'twin.yml': validPersonaData('twin') });
    const error: unknown = await loadPersonaCatalog({ dirs: [first, second] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PersonaFileError);
    expect((error as Error).message).toContain(join(second, 'twin.yml'));
    expect((error as Error).message).toContain(join(first, 'twin.yaml'));
  });

  it('fails when a trainer persona reuses a built-in id', async () => {
    const dir = await writePersonaDir({ 'grieving.yaml': validPersonaData('grieving') });
    const error: unknown = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR, dir] }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/grieving\.yaml: id "grieving" is already used by .*grieving\.yaml/);
  });

  it('fails on a stage that cannot be reached or cannot end', async () => {
    const data = validPersonaData('dead-end');
    const loop = { lines: data.stages.resolved.lines, hint: data.stages.resolved.hint, transitions: [{ when: {}, to: 'loop' }] };
    const error = await loadError(await writePersonaDir({ 'dead-end.yaml': { ...data, stages: { ...data.stages, loop } } }));
    expect(error.message).toContain('stages.loop: cannot be reached from the start stage "opening"');
    expect(error.message).toContain('stages.loop: has no path to a stage with `end`');
  });

  it('fails on an empty file', async () => {
    const error = await loadError(await writePersonaDir({ 'empty.yaml': '' }));
    expect(error.message).toContain('empty.yaml: the file is empty');
  });

  it('fails on a trainer folder that does not exist, naming the folder', async () => {
    const missing = join(await writePersonaDir({}), 'not-there');
    const error = await loadError(missing);
    expect(error.message).toBe(`${missing}: persona folder not found`);
  });

  it('reports every problem in a file at once, so a trainer fixes them in one go', async () => {
    const data = validPersonaData('many');
    const error = await loadError(await writePersonaDir({ 'many.yaml': { ...data, channel: 'fax', difficulty: 9 } }));
    expect(error.message).toContain('channel: expected one of');
    expect(error.message).toContain('difficulty: Too big');
  });
});

describe('catalog.require', () => {
  it('throws a user-facing persona_unknown error that lists the known ids', async () => {
    const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
    expect(catalog.get('nobody')).toBeUndefined();
    const error: unknown = (() => {
      try {
        catalog.require('nobody');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe('persona_unknown');
    for (const id of BUILTIN_IDS) expect((error as Error).message).toContain(id);
    expect((error as Error).message).toContain('"nobody"');
  });
});

describe('parsePersonaFile', () => {
  it('accepts JSON text as well as YAML', () => {
    const data = validPersonaData('from-json');
    expect(parsePersonaFile('from-json.json', JSON.stringify(data)).id).toBe('from-json');
  });

  it('rejects invalid JSON with the file name', () => {
    expect(() => parsePersonaFile('bad.json', '{"id": "bad",')).toThrow(/^bad\.json: invalid YAML\/JSON/);
  });

  it('applies schema defaults, so the engine can rely on transitions and reveals being set', () => {
    const persona = parsePersonaFile('defaults.yaml', JSON.stringify(validPersonaData('defaults')));
    expect(persona.stages.resolved?.transitions).toEqual([]);
    expect(persona.stages.opening?.reveals).toBe(false);
  });
});
