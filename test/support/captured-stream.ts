import { PassThrough } from 'node:stream';

/** A writable stream for a command's stdout or stderr, and what was written to it so far. */
export function capturedStream(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
