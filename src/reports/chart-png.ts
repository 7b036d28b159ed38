import { Resvg } from '@resvg/resvg-js';
import type { SafeHtml } from './html.js';

/**
 * Rasterises a chart for Discord attachments. resvg ships as a prebuilt binary inside its npm
 * package (nothing is downloaded at install time) and uses the system's fonts; DejaVu Sans is
 * named first because Debian-based images carry it.
 */
export function chartPng(svg: SafeHtml | string, options: { scale?: number } = {}): Buffer {
  const renderer = new Resvg(String(svg), {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return renderer.render().asPng();
}
