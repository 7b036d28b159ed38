import type { Session } from '../../src/engine/session.js';

/** An active session with one customer line and no exchanges yet, for store tests; `overrides` win. */
export function activeSession(id: string, overrides: Partial<Session> = {}): Session {
  return {
    id,
    schemaVersion: 1,
    userId: 'u1',
    guildId: 'g1',
    channelRef: null,
    groupId: null,
    personaId: 'frustrated',
    lang: 'en',
    intensity: 'standard',
    status: 'active',
    outcome: null,
    stage: 'opening',
    turns: 0,
    lines: [{ n: 0, text: 'Hello', stage: 'opening', voice: 'script', at: '2026-01-01T00:00:00.000Z', retracted: false }],
    exchanges: [],
    pendingReply: null,
    usage: { promptTokens: 0, completionTokens: 0 },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    ...overrides,
  };
}
