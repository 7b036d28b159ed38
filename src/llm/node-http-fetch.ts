import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * A `fetch` for the OpenAI client over `node:http(s)` with keep-alive agents. Node's built-in
 * fetch (undici behind web streams, per-request abort plumbing) costs the bot about a millisecond
 * of CPU per model call, a large share of an LLM exchange's CPU under load; a plain request with
 * the body read whole costs a fraction of that.
 *
 * Made for what the client sends for a non-streaming chat completion: a string or byte body, and an
 * abort signal. Anything else (a `Request` object, a stream or form body) is passed to the built-in
 * fetch. The answer is read whole before the response resolves, so this does not serve streaming
 * (server-sent events) calls: the chat model makes none. A connection cut before the body ended
 * rejects, as a connection failure.
 */
export function createNodeHttpFetch(): typeof fetch {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

  return (input, init = {}) => {
    const body = init.body;
    const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    if (input instanceof Request || !plainBody) return fetch(input, init);
    const url = new URL(String(input));
    const signal = init.signal ?? undefined;

    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => {
        headers[name] = value;
      });
      headers['accept-encoding'] ??= 'gzip, deflate, br';
      const https = url.protocol === 'https:';
      const request = (https ? httpsRequest : httpRequest)(url, { method: init.method ?? 'GET', headers, agent: https ? agents.https : agents.http });
      const onAbort = () => request.destroy(abortError(signal));
      const settle = () => signal?.removeEventListener('abort', onAbort);
      signal?.addEventListener('abort', onAbort, { once: true });

      request.on('error', (error) => {
        settle();
        reject(error);
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => {
          settle();
          reject(error);
        });
        response.on('end', () => {
          settle();
          if (!response.complete) return reject(new Error('connection closed before the response ended'));
          try {
            resolve(toResponse(response, Buffer.concat(chunks)));
          } catch (error) {
            reject(error);
          }
        });
      });
      request.end(body ?? undefined);
    });
  };
}

/** As fetch does: the signal's reason, or an `AbortError`. */
function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

const NO_BODY = new Set([101, 204, 205, 304]);

function toResponse(response: IncomingMessage, raw: Buffer): Response {
  const headers = new Headers();
  const pairs = response.rawHeaders;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    try {
      headers.append(pairs[i]!, pairs[i + 1]!);
    } catch {
      // a header value fetch would refuse as well: left out
    }
  }
  const status = response.statusCode ?? 0;
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  const decoded = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
  if (encoding === 'gzip' || encoding === 'deflate' || encoding === 'br') {
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  return new Response(NO_BODY.has(status) ? null : decoded, { status, statusText: response.statusMessage ?? '', headers });
}
