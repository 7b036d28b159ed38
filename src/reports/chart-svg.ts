import { html, type SafeHtml } from './html.js';

/**
 * Small charts drawn as SVG by hand: two chart kinds do not justify a chart library, and SVG
 * we write ourselves embeds in the HTML report as it is and rasterises to PNG for Discord.
 * Labels pass through the `html` tag, so a member's or persona's name cannot break the markup.
 */

interface ChartSeries {
  name: string;
  color: string;
  /** one value per category (bar chart) or per point (line chart); null: no data */
  values: Array<number | null>;
}

interface ChartSpec {
  title: string;
  /** x-axis labels */
  categories: string[];
  series: ChartSeries[];
  /** the value range; scores run 1–5, so charts start at 0 to keep bar heights honest */
  min?: number;
  max?: number;
  width?: number;
  height?: number;
  /** how values read in labels and tooltips; default one decimal with a point */
  formatValue?: (value: number) => string;
}

export const CRITERION_COLORS = {
  composure: '#2f6db5',
  empathy: '#d97a1e',
  boundary: '#2e9957',
  overall: '#5b5f6b',
} as const;

const FONT = 'DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif';

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  min: number;
  max: number;
}

function frameOf(spec: ChartSpec): Frame {
  const width = spec.width ?? 760;
  const height = spec.height ?? 340;
  return { width, height, left: 44, right: width - 16, top: 62, bottom: height - 54, min: spec.min ?? 0, max: spec.max ?? 5 };
}

const y = (frame: Frame, value: number) =>
  frame.bottom - ((Math.min(Math.max(value, frame.min), frame.max) - frame.min) / (frame.max - frame.min)) * (frame.bottom - frame.top);

const oneDecimal = (value: number) => value.toFixed(1);

const round = (value: number) => Math.round(value * 10) / 10;

function shorten(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

function axes(frame: Frame): SafeHtml[] {
  const lines: SafeHtml[] = [];
  for (let tick = Math.ceil(frame.min); tick <= frame.max; tick++) {
    const at = round(y(frame, tick));
    lines.push(
      html`<line x1="${frame.left}" x2="${frame.right}" y1="${at}" y2="${at}" stroke="${tick === frame.min ? '#9aa0ab' : '#e3e6eb'}" stroke-width="1"/>`,
      html`<text x="${frame.left - 8}" y="${at + 4}" text-anchor="end" font-size="11" fill="#5b5f6b">${tick}</text>`,
    );
  }
  return lines;
}

function legend(spec: ChartSpec, frame: Frame): SafeHtml[] {
  let x = frame.left;
  return spec.series.map((series) => {
    const item = html`<g><rect x="${x}" y="34" width="12" height="12" rx="2" fill="${series.color}"/><text x="${x + 17}" y="44" font-size="12" fill="#2b2f36">${series.name}</text></g>`;
    x += 30 + Array.from(series.name).length * 7;
    return item;
  });
}

function frameSvg(spec: ChartSpec, frame: Frame, body: SafeHtml[]): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-label="${spec.title}" font-family="${FONT}"><rect width="${frame.width}" height="${frame.height}" fill="#ffffff"/><text x="${frame.left}" y="20" font-size="14" font-weight="bold" fill="#1d2129">${spec.title}</text>${legend(spec, frame)}${axes(frame)}${body}</svg>`;
}

/** Grouped bars: one group per category, one bar per series. */
export function barChartSvg(spec: ChartSpec): SafeHtml {
  const frame = frameOf(spec);
  const groups = Math.max(spec.categories.length, 1);
  const slot = (frame.right - frame.left) / groups;
  const barCount = Math.max(spec.series.length, 1);
  const barWidth = Math.min(28, (slot * 0.76) / barCount);
  const labelChars = Math.max(4, Math.floor(slot / 7));
  const body: SafeHtml[] = [];
  spec.categories.forEach((category, index) => {
    const groupStart = frame.left + slot * index + (slot - barWidth * barCount) / 2;
    spec.series.forEach((series, seriesIndex) => {
      const value = series.values[index];
      if (value === null || value === undefined) return;
      const top = round(y(frame, value));
      const x = round(groupStart + seriesIndex * barWidth);
      body.push(
        html`<rect class="bar" x="${x}" y="${top}" width="${round(barWidth - 2)}" height="${round(frame.bottom - top)}" rx="2" fill="${series.color}"><title>${series.name}: ${(spec.formatValue ?? oneDecimal)(value)}</title></rect>`,
      );
      // Values over the bars when they fit; the tooltip carries them otherwise.
      if (barWidth >= 16) {
        body.push(
          html`<text x="${round(x + (barWidth - 2) / 2)}" y="${top - 4}" text-anchor="middle" font-size="10" fill="#5b5f6b">${(spec.formatValue ?? oneDecimal)(value)}</text>`,
        );
      }
    });
    body.push(
      html`<text x="${round(frame.left + slot * index + slot / 2)}" y="${frame.bottom + 18}" text-anchor="middle" font-size="11" fill="#2b2f36">${shorten(category, labelChars)}</text>`,
    );
  });
  return frameSvg(spec, frame, body);
}

/** Lines with points, for scores over time; a null value breaks the line. */
export function lineChartSvg(spec: ChartSpec): SafeHtml {
  const frame = { ...frameOf(spec), min: spec.min ?? 1 };
  const count = spec.categories.length;
  const step = count > 1 ? (frame.right - frame.left - 24) / (count - 1) : 0;
  const x = (index: number) => round(count > 1 ? frame.left + 12 + step * index : (frame.left + frame.right) / 2);
  const body: SafeHtml[] = [];
  // Label every k-th point so dates never overlap.
  const every = Math.max(1, Math.ceil((count * 78) / (frame.right - frame.left)));
  spec.categories.forEach((category, index) => {
    if (index % every === 0 || index === count - 1) {
      body.push(html`<text x="${x(index)}" y="${frame.bottom + 18}" text-anchor="middle" font-size="11" fill="#2b2f36">${shorten(category, 12)}</text>`);
    }
  });
  for (const series of spec.series) {
    let path = '';
    series.values.forEach((value, index) => {
      if (value === null) {
        path += ' ';
        return;
      }
      path += `${path.endsWith(' ') || path === '' ? 'M' : 'L'}${x(index)},${round(y(frame, value))}`;
    });
    const d = path.trim().replace(/\s+/g, ' ');
    if (d) body.push(html`<path d="${d}" fill="none" stroke="${series.color}" stroke-width="2.5" stroke-linejoin="round"/>`);
    series.values.forEach((value, index) => {
      if (value === null) return;
      body.push(
        html`<circle cx="${x(index)}" cy="${round(y(frame, value))}" r="3.5" fill="${series.color}"><title>${series.name}: ${(spec.formatValue ?? oneDecimal)(value)}</title></circle>`,
      );
    });
  }
  return frameSvg(spec, frame, body);
}
