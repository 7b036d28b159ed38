import { WebSocketServer, type WebSocket } from 'ws';
import type { Server } from 'node:http';

/** Gateway opcodes used by the fake (a subset of Discord's). */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, Hello: 10, HeartbeatAck: 11 } as const;

export interface GatewayHooks {
  /** payloads to dispatch right after READY (one GUILD_CREATE per guild) */
  readyPayload(sessionId: string): { ready: Record<string, unknown>; guildCreates: Array<Record<string, unknown>> };
  onFrame(frame: { op: number; d: unknown }): void;
}

/**
 * A minimal Discord gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME and
 * dispatches. Dispatches sent while no connection is live are queued and replayed on RESUME, as
 * Discord replays missed events.
 */
export class FakeGateway {
  private readonly wss: WebSocketServer;
  private live: WebSocket | undefined;
  private seq = 0;
  private sessionId: string | undefined;
  private readonly queue: Array<{ t: string; d: unknown }> = [];
  identifies = 0;
  /** answer IDENTIFY with close code 4014, as Discord does when a privileged intent is not enabled */
  refuseIntents = false;
  resumes = 0;
  intents: number | undefined;

  constructor(server: Server, private readonly hooks: GatewayHooks) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  get connected(): boolean {
    return this.live !== undefined;
  }

  dispatch(t: string, d: unknown): void {
    if (!this.live) {
      this.queue.push({ t, d });
      return;
    }
    this.send(this.live, { op: Op.Dispatch, t, s: ++this.seq, d });
  }

  /** Closes the live connection with a resumable code, as a network blip or a Discord restart would. */
  drop(): void {
    const socket = this.live;
    this.live = undefined;
    socket?.close(4000, 'fake: connection dropped');
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    socket.on('message', (raw) => this.receive(socket, raw.toString()));
    socket.on('close', () => {
      if (this.live === socket) this.live = undefined;
    });
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: 41_250 } });
  }

  private receive(socket: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: Record<string, unknown> | null };
    this.hooks.onFrame(frame);
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
        this.live = socket;
        this.seq = 0;
        this.queue.length = 0;
        this.sessionId = `fake-session-${this.identifies}`;
        const { ready, guildCreates } = this.hooks.readyPayload(this.sessionId);
        this.send(socket, { op: Op.Dispatch, t: 'READY', s: ++this.seq, d: ready });
        for (const guild of guildCreates) this.send(socket, { op: Op.Dispatch, t: 'GUILD_CREATE', s: ++this.seq, d: guild });
        return;
      }
      case Op.Resume: {
        this.resumes++;
        if (frame.d?.['session_id'] !== this.sessionId) {
          // An unknown session cannot resume: Discord answers INVALID_SESSION (not resumable).
          this.send(socket, { op: 9, d: false });
          return;
        }
        this.live = socket;
        for (const event of this.queue.splice(0)) {
          this.send(socket, { op: Op.Dispatch, t: event.t, s: ++this.seq, d: event.d });
        }
        this.send(socket, { op: Op.Dispatch, t: 'RESUMED', s: ++this.seq, d: {} });
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
