import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Grade, GradeInput } from '../../../src/evaluation/grade.js';
import type { Grader } from '../../../src/evaluation/grader.js';

/** Writes files into a fresh temp directory and returns their paths by name. */
export function writeTempFiles(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-eval-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    paths[name] = path;
  }
  return paths;
}

export function jsonl(...lines: unknown[]): string {
  return `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`;
}

/**
 * A grader with rules simple enough to compute expected figures by hand: a reply containing "rude"
 * scores composure 1, "stiff" 3, anything else 5; each "slip" in it adds one composure finding;
 * "warm" raises empathy from 3 to 5; boundary is needed when the customer says "idiot"; a reply
 * containing "explode" makes it throw. It records every input it sees.
 */
export function fakeGrader(): Grader & { inputs: unknown[] } {
  const inputs: unknown[] = [];
  return {
    id: 'fake',
    inputs,
    grade(input: GradeInput): Promise<Grade> {
      inputs.push(input);
      if (input.reply.includes('explode')) return Promise.reject(new Error('grader exploded'));
      const score = input.reply.includes('rude') ? 1 : input.reply.includes('stiff') ? 3 : 5;
      const needed = input.customer.includes('idiot');
      const evidence = input.reply
        .split('slip')
        .slice(1)
        .map((_, index) => `slip ${index + 1}`);
      const empathy = input.reply.includes('warm') ? 5 : 3;
      return Promise.resolve({
        composure: { score, evidence },
        empathy: { score: empathy, emotionalReaction: 1, interpretation: 1, exploration: 1, evidence: [] },
        boundary: { needed, verdict: needed ? 'missing' : 'not_needed', evidence: [] },
        signals: { offersSolution: false, endsConversation: false },
        feedback: { strength: 's', tip: 't', example: 'e' },
        source: { grader: 'fake', rubricVersion: 'test' },
      });
    },
  };
}
