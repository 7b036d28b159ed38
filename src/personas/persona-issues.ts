import type { z } from 'zod';

const MAX_LISTED = 8;

/**
 * Turns zod issues into one line a trainer can act on, field path first:
 * `stages.opening.lines.de: expected array, received string`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, MAX_LISTED).map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`);
  if (issues.length > MAX_LISTED) lines.push(`(and ${issues.length - MAX_LISTED} more)`);
  return lines.join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod words a missing field as "received undefined"; a trainer looks for the word "missing"
      return issue.message.endsWith('received undefined') ? `missing (expected ${issue.expected})` : stripPrefix(issue.message);
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_key':
      return `invalid key: ${issue.issues.map((inner) => stripPrefix(inner.message)).join(', ')}`;
    default:
      return stripPrefix(issue.message);
  }
}

function stripPrefix(message: string): string {
  return message.replace(/^(Invalid input|Invalid string|Invalid option): /, '');
}
