import { describe, expect, it } from 'vitest';
import { chartPng } from '../../src/reports/chart-png.js';
import { barChartSvg, lineChartSvg } from '../../src/reports/chart-svg.js';
import { progressChartSvg, teamChartSvg } from '../../src/reports/report-charts.js';
import { markupProblems } from './markup-check.js';
import { exchange, handSession } from './report-fixtures.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('charts', () => {
  const sessions = [
    handSession({ id: 'a', createdAt: '2026-11-01T09:00:00.000Z', exchanges: [exchange(0, { composure: 2, empathy: 1, verdict: 'missing', needed: true })] }),
    handSession({ id: 'b', createdAt: '2026-11-05T09:00:00.000Z', exchanges: [exchange(0, { composure: 4, empathy: 3 })] }),
    handSession({ id: 'c', createdAt: '2026-11-09T09:00:00.000Z', exchanges: [exchange(0, { composure: 5, empathy: 4 })] }),
  ];

  it('draws a progress chart as SVG with one point per session and criterion, and rasterises it to a PNG', () => {
    const svg = progressChartSvg(sessions, 'en').value;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(9);
    expect(svg).toContain('Scores per session (1–5)');
    const png = chartPng(svg);
    expect(pngSize(png)).toEqual({ width: 760 * 2, height: 340 * 2 });
    // A blank image compresses to almost nothing; lines, bars and text do not.
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('draws the team chart with one bar per persona and criterion', () => {
    const svg = teamChartSvg({
      lang: 'de',
      personas: [
        { name: 'Der Frustrierte', scores: { composure: 4, empathy: 3, boundary: 5 } },
        { name: 'Die Trauernde', scores: { composure: 3.5, empathy: 2, boundary: 5 } },
      ],
    }).value;
    expect(svg.match(/<rect class="bar" /g)).toHaveLength(6);
    expect(svg).toContain('Teamdurchschnitt je Kundenfigur');
    expect(pngSize(chartPng(svg, { scale: 1 }))).toEqual({ width: 760, height: 340 });
  });

  it('scales bar heights to the value', () => {
    const svg = barChartSvg({ title: 't', categories: ['x'], series: [{ name: 'n', color: '#000', values: [5] }], height: 340 }).value;
    const bar = /<rect class="bar" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/.exec(svg);
    // Full scale: from the top of the plot (62) to its bottom (340 - 54).
    expect(Number(bar?.[1])).toBe(62);
    expect(Number(bar?.[2])).toBe(340 - 54 - 62);
  });

  it('escapes labels, so a member called <script> stays text in the SVG', () => {
    const svg = barChartSvg({
      title: '<script>alert(1)</script>',
      categories: ['"><img src=x onerror=alert(1)>'],
      series: [{ name: "' onmouseover='x", color: '#000', values: [3] }],
    }).value;
    expect(markupProblems(svg)).toEqual([]);
    expect(svg).toContain('&lt;script&gt;');
  });

  it('breaks a progress line where a session has no score', () => {
    const svg = lineChartSvg({ title: 't', categories: ['1', '2', '3'], series: [{ name: 'n', color: '#000', values: [2, null, 4] }] }).value;
    const path = /<path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path).not.toContain('L');
  });
});
