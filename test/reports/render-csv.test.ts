import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, CSV_COLUMNS, renderCsv } from '../../src/reports/render-csv.js';
import { buildSessionReport } from '../../src/reports/report-model.js';
import { exchange, handSession, reportDeps } from './report-fixtures.js';

/** A small RFC 4180 reader, independent of the writer, to read back what it wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['x', 3.456, true])).toBe('x,3.46,true');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+49 30 1234')).toBe("'+49 30 1234");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // Numbers are data, not text a user typed.
    expect(csvCell(-2)).toBe('-2');
  });

  it('writes one row per exchange that reads back to the same texts', async () => {
    const session = handSession({
      id: 's-csv',
      exchanges: [
        exchange(0, { composure: 2, empathy: 1 }, { reply: '=cmd|" /C calc"!A0' }),
        exchange(1, { composure: 4, empathy: 3 }, { reply: 'Line one,\r\n"line two"' }),
        exchange(1, { composure: 5, empathy: 5, verdict: 'set_well', needed: true }, { attempt: 2, reply: 'Ich kümmere mich sofort darum.' }),
      ],
    });
    const text = renderCsv(buildSessionReport(session, await reportDeps()));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const reply = CSV_COLUMNS.indexOf('reply');
    expect(rows.map((row) => row[reply])).toEqual(['reply', `'=cmd|" /C calc"!A0`, 'Line one,\r\n"line two"', 'Ich kümmere mich sofort darum.']);
    const attempt = CSV_COLUMNS.indexOf('attempt');
    const verdict = CSV_COLUMNS.indexOf('boundary_verdict');
    expect(rows[3]?.[attempt]).toBe('2');
    expect(rows[3]?.[verdict]).toBe('set_well');
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });
});
