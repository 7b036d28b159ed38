import { createInterface, type Interface } from 'node:readline';

/**
 * Reads answers line by line from a terminal or a pipe. readline's `question()` drops lines that
 * arrive while no question is pending (a piped script is read ahead), so lines are queued here.
 */
export interface LineReader {
  /** writes the prompt and resolves with the next line, or null once input has ended */
  ask(prompt: string): Promise<string | null>;
  close(): void;
}

export function createLineReader(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): LineReader {
  const rl: Interface = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  const queued: string[] = [];
  const waiting: Array<(line: string | null) => void> = [];
  let ended = false;
  // A terminal echoes what is typed; piped input is echoed so the output reads like a conversation.
  const echo = (line: string) => {
    if (!(input as { isTTY?: boolean }).isTTY) output.write(`${line}\n`);
  };
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) {
      echo(line);
      next(line);
    } else queued.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const resolve of waiting.splice(0)) resolve(null);
  });
  return {
    ask(prompt) {
      output.write(prompt);
      const line = queued.shift();
      if (line !== undefined) {
        echo(line);
        return Promise.resolve(line);
      }
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => {
      rl.close();
    },
  };
}
