import { WebSocketServer, type WebSocket } from 'ws';
import type { Server } from 'node:http';

/** Gateway opcodes used by the fake (a subset of Discord's). */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

interface GatewayHooks {
  /** payloads to dispatch right after READY (one GUILD_CREATE per guild) */
  readyPayload(sessionId: string): { ready: Record<string, unknown>; guildCreates: Array<Record<string, unknown>> };
  onFrame(frame: { op: number; d: unknown }): void;
}

/** A dispatch as the gateway sent it (or would have, while no connection was live). */
interface GatewayEvent {
  s: number;
  t: string;
  d: unknown;
}

/** How many dispatches of a session the fake keeps for resuming (Discord keeps a bounded buffer too). */
const HISTORY = 2_000;

/**
 * A minimal Discord gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME and
 * dispatches. Every dispatch of the session is numbered and kept; RESUME replays those after the
 * sequence the client says it saw, as Discord does: events sent while no connection was live, and
 * (with {@link replayOnNextResume}) events the client had already received. A new IDENTIFY starts
 * a new session: what was dispatched to the old one is not replayed, as on Discord.
 */
export class FakeGateway {
  private readonly wss: WebSocketServer;
  private live: WebSocket | undefined;
  private seq = 0;
  private sessionId: string | undefined;
  private readonly history: GatewayEvent[] = [];
  private replayFrom: number | undefined;
  identifies = 0;
  /** answer IDENTIFY with close code 4014, as Discord does when a privileged intent is not enabled */
  refuseIntents = false;
  resumes = 0;
  /** INVALID_SESSION (op 9) answers sent */
  invalidSessions = 0;
  intents: number | undefined;

  constructor(
    server: Server,
    private readonly hooks: GatewayHooks,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => {
      this.accept(socket);
    });
  }

  get connected(): boolean {
    return this.live !== undefined;
  }

  /** The dispatches of the current session, oldest first. */
  get events(): readonly GatewayEvent[] {
    return this.history;
  }

  dispatch(t: string, d: unknown): void {
    const event = { s: ++this.seq, t, d };
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.shift();
    if (this.live) this.send(this.live, { op: Op.Dispatch, ...event });
  }

  /** Closes the live connection with a resumable code, as a network blip or a Discord restart would. */
  drop(): void {
    const socket = this.live;
    this.live = undefined;
    socket?.close(4000, 'fake: connection dropped');
  }

  /**
   * The next RESUME replays from sequence `s` on, even events the client acknowledged already — as
   * Discord does when its record of what the client received lags (duplicate MESSAGE_CREATEs).
   */
  replayOnNextResume(s: number): void {
    this.replayFrom = s;
  }

  /**
   * Ends the session: the live connection is told INVALID_SESSION (op 9, not resumable), so the
   * client must IDENTIFY again and gets a new session; nothing of the old one is replayed.
   */
  invalidateSession(): void {
    this.sessionId = undefined;
    const socket = this.live;
    this.live = undefined;
    if (socket) {
      this.invalidSessions++;
      this.send(socket, { op: Op.InvalidSession, d: false });
    }
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => {
      this.wss.close(() => {
        resolve();
      });
    });
  }

  private accept(socket: WebSocket): void {
    socket.on('message', (raw) => {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- ws hands over a Buffer (binaryType "nodebuffer"), which reads as UTF-8 text
      this.receive(socket, raw.toString());
    });
    socket.on('close', () => {
      if (this.live === socket) this.live = undefined;
    });
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: 41_250 } });
  }

  private receive(socket: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: Record<string, unknown> | null };
    try {
      this.handleFrame(socket, frame);
    } finally {
      // after handling, so a test waiting for a count or a connection sees the new state
      this.hooks.onFrame(frame);
    }
  }

  private handleFrame(socket: WebSocket, frame: { op: number; d: Record<string, unknown> | null }): void {
    switch (frame.op) {
      case Op.Heartbeat:
        this.send(socket, { op: Op.HeartbeatAck });
        return;
      case Op.Identify: {
        this.identifies++;
        this.intents = Number(frame.d?.['intents']);
        if (this.refuseIntents) {
          socket.close(4014, 'Disallowed intent(s).');
          return;
        }
        this.seq = 0;
        this.history.length = 0;
        this.replayFrom = undefined;
        this.sessionId = `fake-session-${this.identifies}`;
        const { ready, guildCreates } = this.hooks.readyPayload(this.sessionId);
        this.live = socket;
        this.dispatch('READY', ready);
        for (const guild of guildCreates) this.dispatch('GUILD_CREATE', guild);
        return;
      }
      case Op.Resume: {
        this.resumes++;
        if (this.sessionId === undefined || frame.d?.['session_id'] !== this.sessionId) {
          // An unknown session cannot resume: Discord answers INVALID_SESSION (not resumable).
          this.invalidSessions++;
          this.send(socket, { op: Op.InvalidSession, d: false });
          return;
        }
        const acknowledged = Number(frame.d['seq'] ?? 0);
        const from = Math.min(this.replayFrom ?? Number.POSITIVE_INFINITY, acknowledged + 1);
        this.replayFrom = undefined;
        for (const event of this.history.filter((candidate) => candidate.s >= from)) this.send(socket, { op: Op.Dispatch, ...event });
        this.live = socket;
        this.dispatch('RESUMED', {});
        return;
      }
      default:
        return;
    }
  }

  private send(socket: WebSocket, payload: Record<string, unknown>): void {
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }
}
