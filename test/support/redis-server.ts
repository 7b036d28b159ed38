import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './free-port.js';

/** Is Debian's `redis-server` on the PATH? */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

interface RedisServerOptions {
  /** data folder; with `appendOnly` a restart finds every write again */
  dir?: string;
  /** `--appendonly yes --appendfsync always`; default: nothing is written to disk */
  appendOnly?: boolean;
  /** `--requirepass` */
  password?: string;
}

/** A redis-server on loopback that tests and benchmarks start, kill and start again. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** starts the process and waits until it answers (a NOAUTH answer counts: it is up) */
  start(): Promise<void>;
  /** SIGKILL: gone at once, as in a crash */
  kill(): Promise<void>;
  /** SIGTERM, and waits for the exit */
  stop(): Promise<void>;
}

/** A server on `port` (default: a free one), not started yet. */
export async function redisServer(options: RedisServerOptions & { port?: number } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', ''];
  args.push(...(options.appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
  if (options.dir) args.push('--dir', options.dir);
  if (options.password) args.push('--requirepass', options.password);
  let child: ChildProcess | null = null;

  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn('redis-server', args, { stdio: 'ignore' });
      child = started;
      const deadline = Date.now() + 5_000;
      while (!(await answers(port))) {
        if (Date.now() > deadline || started.exitCode !== null) {
          started.kill();
          throw new Error(`redis-server did not answer on port ${port}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

/** A throwaway server on a free port, started; undefined when the binary is not installed. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer | undefined> {
  if (!hasRedisServer()) return undefined;
  const server = await redisServer(options);
  await server.start();
  return server;
}

/** Does anything answer a PING on the port? (+PONG, or -NOAUTH from a server with a password) */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
