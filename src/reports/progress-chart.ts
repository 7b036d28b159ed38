import type { Session } from '../engine/session.js';
import type { Language } from '../evaluation/grade.js';
import type { Storage } from '../storage/storage.js';
import { chartPng } from './chart-png.js';
import { progressChartSvg } from './report-charts.js';

interface Chart {
  svg: string;
  png: Buffer;
}

/**
 * A member's progress chart over their latest scored sessions (oldest to newest), or null when
 * they have none. Loads at most `limit` whole sessions.
 */
export async function buildProgressChart(
  storage: Storage,
  guildId: string | null,
  userId: string,
  options: { lang: Language; limit?: number },
): Promise<(Chart & { sessions: number }) | null> {
  const listings = (await storage.sessions.listByUser(guildId, userId)).filter((row) => row.average !== null).slice(0, options.limit ?? 20);
  const sessions = (await Promise.all(listings.map((row) => storage.sessions.get(row.id)))).filter((session): session is Session => session !== undefined);
  if (sessions.length === 0) return null;
  const svg = progressChartSvg(sessions, options.lang);
  return { svg: svg.value, png: chartPng(svg), sessions: sessions.length };
}
