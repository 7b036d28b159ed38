import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { withSchemaSection } from '../../src/reports/report-json-schema.js';

const DOCS = new URL('../../docs/reports.md', import.meta.url);

describe('docs/reports.md', () => {
  it('embeds the JSON Schemas exactly as the zod schemas generate them (UPDATE_REPORT_DOCS=1 rewrites them)', async () => {
    const docs = await readFile(DOCS, 'utf8');
    const expected = withSchemaSection(docs);
    if (process.env.UPDATE_REPORT_DOCS === '1' && expected !== docs) await writeFile(DOCS, expected);
    else expect(docs).toBe(expected);
  });
});
