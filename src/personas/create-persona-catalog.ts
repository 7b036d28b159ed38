import { AppError, UserFacingError } from '../errors.js';
import type { PersonaCatalog } from './persona-catalog.js';
import type { Persona } from './persona-schema.js';

/**
 * A catalog over personas already loaded and validated. The loader builds one from files; tests
 * and other callers can build one from personas in memory.
 */
export function createPersonaCatalog(personas: readonly Persona[]): PersonaCatalog {
  const byId = new Map<string, Persona>();
  for (const persona of personas) {
    if (byId.has(persona.id)) throw new AppError('persona_duplicate', `persona id "${persona.id}" is given twice`);
    byId.set(persona.id, persona);
  }
  const all = [...byId.values()];

  return {
    list: () => [...all],
    get: (id) => byId.get(id),
    require(id) {
      const persona = byId.get(id);
      if (persona) return persona;
      const known = all.map((p) => p.id).join(', ') || '(none)';
      throw new UserFacingError('persona_unknown', `There is no persona "${id}". Known personas: ${known}.`);
    },
  };
}
