import type { Persona } from './persona-schema.js';

/** The personas available to this process: the built-in ones plus a trainer's folder. */
export interface PersonaCatalog {
  list(): Persona[];
  get(id: string): Persona | undefined;
  /** throws a UserFacingError (code `persona_unknown`) naming the known ids */
  require(id: string): Persona;
}
