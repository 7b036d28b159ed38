import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `counterpart` inside a real pseudo-terminal (util-linux `script`), so the program sees a TTY
 * exactly as under a person's keyboard: readline in terminal mode, echo, colours switched off by NO_COLOR.
 */
export interface TerminalSession {
  /** everything the terminal showed so far, with ANSI escapes and carriage returns removed */
  screen(): string;
  /** waits until the screen, after position `from`, matches; returns the index after the match */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<number>;
  type(line: string): void;
  exit: Promise<number | null>;
  kill(): void;
}

export function startTerminal(args: string[], env: Record<string, string> = {}): TerminalSession {
  const command = ['node', 'bin/counterpart.js', ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', TERM: 'dumb', ...env },
  });
  let raw = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // eslint-disable-next-line no-control-regex
  const clean = () => raw.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      resolve(code);
    }),
  );
  return {
    screen: clean,
    waitFor(pattern, from = 0, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const text = clean().slice(from);
          const match = pattern.exec(text);
          if (match) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(from + match.index + match[0].length);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; screen after ${from}:\n${clean().slice(from)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    type(line) {
      child.stdin.write(`${line}\r`);
    },
    exit,
    kill: () => child.kill('SIGKILL'),
  };
}
