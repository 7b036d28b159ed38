import type { Persona } from './persona-schema.js';

/** A problem in a persona's stage graph, located like a schema issue (`stages.<id>`). */
interface StageGraphProblem {
  path: string;
  message: string;
}

/**
 * The schema checks that every transition names a stage; this checks the plot as a whole: every
 * stage can be reached from `start`, and from every stage an end stage can still be reached. A stage
 * that fails either is a script bug a trainer would only notice mid-session (a customer stuck
 * repeating one stage until the turn limit), so the loader refuses it.
 */
export function findStageGraphProblems(persona: Persona): StageGraphProblem[] {
  const stageIds = Object.keys(persona.stages);
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>(stageIds.map((id) => [id, []]));
  for (const [id, stage] of Object.entries(persona.stages)) {
    const targets = stage.transitions.map((transition) => transition.to);
    successors.set(id, targets);
    for (const target of targets) predecessors.get(target)?.push(id);
  }

  const reachable = walk([persona.start], successors);
  const endIds = stageIds.filter((id) => persona.stages[id]?.end);
  const canEnd = walk(endIds, predecessors);

  const problems: StageGraphProblem[] = [];
  // the schema looks targets up with `stages[to]`, which also finds inherited names like "constructor"
  for (const [id, targets] of successors) {
    targets.forEach((to, index) => {
      if (!Object.hasOwn(persona.stages, to)) {
        problems.push({ path: `stages.${id}.transitions[${index}].to`, message: `names no stage "${to}"` });
      }
    });
  }
  for (const id of stageIds) {
    if (!reachable.has(id)) {
      problems.push({ path: `stages.${id}`, message: `cannot be reached from the start stage "${persona.start}"` });
    }
    if (!canEnd.has(id)) {
      problems.push({ path: `stages.${id}`, message: 'has no path to a stage with `end`' });
    }
  }
  return problems;
}

function walk(from: string[], edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of edges.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
