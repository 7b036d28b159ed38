import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Reads one labelled case file of this folder (JSON lines), validating every line against `schema`.
 * A broken line fails with the file, the line number and what is wrong with it.
 */
export function loadCases<S extends z.ZodType>(file: string, schema: S): Array<z.infer<S>> {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  const cases: Array<z.infer<S>> = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${index + 1}: ${z.prettifyError(parsed.error)}`);
    cases.push(parsed.data);
  });
  return cases;
}
