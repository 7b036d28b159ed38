import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { PersonaInput } from '../../src/personas/persona-schema.js';

const both = (en: string) => ({ en, de: `${en} (de)` });
const lines = (...en: string[]) => ({ en, de: en.map((line) => `${line} (de)`) });

/** A minimal valid persona file's content: opening → resolved or hung_up. Mutate the copy to break it. */
export function validPersonaData(id: string) {
  return {
    id,
    names: both(`Trainer persona ${id}`),
    customerName: both('Mx Sample'),
    channel: 'chat',
    difficulty: 2,
    focus: ['venting'],
    brief: { en: { situation: 'A situation.', goal: 'A goal.' }, de: { situation: 'Eine Lage.', goal: 'Ein Ziel.' } },
    backstory: both('Hidden reason.'),
    maxTurns: 8,
    start: 'opening',
    stages: {
      opening: {
        lines: lines('Opening one', 'Opening two'),
        hint: both('Acknowledge the feeling.'),
        transitions: [
          { when: { offersSolution: true }, to: 'resolved' },
          { when: { composure: { max: 2 } }, to: 'hung_up' },
        ],
      },
      resolved: { lines: lines('Thanks.'), hint: both('Done.'), end: 'resolved' },
      hung_up: { lines: lines('Bye.'), hint: both('Lost.'), end: 'hung_up' },
    },
  } satisfies PersonaInput;
}

const createdDirs: string[] = [];

/** Removes every folder written by {@link writePersonaDir}; call from `afterAll`. */
export async function removePersonaDirs(): Promise<void> {
  await Promise.all(createdDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes `files` (name → content; objects are written as YAML) into a fresh temporary folder. */
export async function writePersonaDir(files: Record<string, string | object>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpart-personas-'));
  createdDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : stringify(content), 'utf8');
  }
  return dir;
}
