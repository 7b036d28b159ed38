import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { AppError, PersonaFileError, errorMessage } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { createPersonaCatalog } from './create-persona-catalog.js';
import type { PersonaCatalog } from './persona-catalog.js';
import { findStageGraphProblems } from './persona-graph.js';
import { describeIssues } from './persona-issues.js';
import { PersonaSchema, type Persona } from './persona-schema.js';

/** The folder of the persona files shipped with Counterpart (next to this module; run through tsx). */
export const BUILTIN_PERSONAS_DIR = fileURLToPath(new URL('.', import.meta.url));

const PERSONA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

interface LoadPersonasOptions {
  /** folders to read, in order: usually `BUILTIN_PERSONAS_DIR`, then the trainer's `PERSONAS_DIR` */
  dirs: string[];
  log?: Logger;
}

/**
 * Reads every `*.yaml`, `*.yml` and `*.json` file in each folder and validates it. Any problem
 * fails the whole load with a {@link PersonaFileError} naming the file and the field: a trainer
 * learns about a broken persona at start-up, not from a missing entry in the list.
 */
export async function loadPersonaCatalog(options: LoadPersonasOptions): Promise<PersonaCatalog> {
  const personas: Persona[] = [];
  const fileById = new Map<string, string>();

  // PERSONAS_DIR pointing at the built-in folder would otherwise report every persona as a duplicate
  const dirs = [...new Map(options.dirs.map((dir) => [resolve(dir), dir])).values()];
  for (const dir of dirs) {
    const files = await listPersonaFiles(dir);
    if (files.length === 0) options.log?.warn({ dir }, 'persona folder has no .yaml, .yml or .json files');
    for (const file of files) {
      const text = await readText(file);
      const persona = parsePersonaFile(file, text);
      const earlier = fileById.get(persona.id);
      if (earlier !== undefined) {
        throw new PersonaFileError(file, `id "${persona.id}" is already used by ${earlier}; persona ids must be unique`);
      }
      fileById.set(persona.id, file);
      personas.push(persona);
      options.log?.debug({ personaId: persona.id, file }, 'persona loaded');
    }
  }

  options.log?.info({ count: personas.length, dirs }, 'personas loaded');
  return createPersonaCatalog(personas);
}

/**
 * Parses and validates one persona file. `file` is its path (or name): the name without extension
 * must equal the persona's `id`, so a trainer finds a persona by its id on disk.
 */
export function parsePersonaFile(file: string, text: string): Persona {
  const document = parseDocument(text, { prettyErrors: true });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    // the pretty message ends with a code excerpt; its first line already says where
    const where = (syntaxError.message.split('\n')[0] ?? syntaxError.message).replace(/:$/, '');
    throw new PersonaFileError(file, `invalid YAML/JSON: ${where}`, { cause: syntaxError });
  }

  const data: unknown = document.toJS();
  if (data === null || data === undefined) throw new PersonaFileError(file, 'the file is empty');

  const parsed = PersonaSchema.safeParse(data);
  if (!parsed.success) throw new PersonaFileError(file, describeIssues(parsed.error.issues), { cause: parsed.error });
  const persona = parsed.data;

  const expectedId = basename(file, extname(file));
  if (persona.id !== expectedId) {
    throw new PersonaFileError(file, `id: "${persona.id}" must equal the file name "${expectedId}"`);
  }

  const problems = findStageGraphProblems(persona);
  if (problems.length > 0) {
    throw new PersonaFileError(file, problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
  }
  return persona;
}

async function listPersonaFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((entry) => entry.isFile() && PERSONA_EXTENSIONS.has(extname(entry.name).toLowerCase())).map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PersonaFileError(dir, 'persona folder not found', { cause: error });
    if (code === 'ENOTDIR') throw new PersonaFileError(dir, 'is a file, not a persona folder', { cause: error });
    throw new AppError('persona_folder_unreadable', `${dir}: cannot read persona folder: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  return names.sort().map((name) => join(dir, name));
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new PersonaFileError(file, `cannot read file: ${errorMessage(error)}`, { cause: error });
  }
}
