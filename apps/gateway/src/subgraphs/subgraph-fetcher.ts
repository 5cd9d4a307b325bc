import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * How the gateway calls its subgraphs: plain node:http on keep-alive agents, one request written in
 * one piece. @apollo/gateway's default fetcher (make-fetch-happen, built for npm's HTTP cache) cost
 * the old gateway about half a millisecond of CPU per subgraph call (ADR 5).
 */
export function keepAliveFetcher(
  options: { readonly maxSockets?: number; readonly timeoutMs?: number } = {},
): {
  readonly fetcher: Fetcher;
  close(): void;
} {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: 'lifo' as const };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  const fetcher = (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      const headers: Record<string, string | number> = { ...init.headers };
      if (body !== undefined) headers['content-length'] = body.length;
      const send = secure ? httpsRequest : httpRequest;
      const outgoing = send(
        target,
        { method: init.method ?? 'GET', headers, agent: secure ? https : http },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.once('error', reject);
          incoming.once('end', () => resolve(new BufferedResponse(url, incoming, Buffer.concat(chunks))));
        },
      );
      outgoing.once('error', reject);
      // A subgraph that hangs must not hold the gateway's request, nor its socket, for ever.
      if (options.timeoutMs !== undefined)
        outgoing.setTimeout(options.timeoutMs, () =>
          outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
        );
      outgoing.end(body);
    });
  return {
    fetcher: fetcher as Fetcher,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

/** A subgraph's answer, read whole: GraphQL answers are small and the gateway needs all of it anyway. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: FetcherResponse['headers'];
  bodyUsed = false;

  constructor(
    readonly url: string,
    incoming: IncomingMessage,
    private readonly body: Buffer,
  ) {
    this.status = incoming.statusCode ?? 0;
    this.statusText = incoming.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.headers = new ResponseHeaders(incoming.headers);
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return this.body.buffer.slice(
      this.body.byteOffset,
      this.body.byteOffset + this.body.byteLength,
    ) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    const copy = Object.create(BufferedResponse.prototype) as BufferedResponse;
    return Object.assign(copy, this, { bodyUsed: false });
  }
}

/** Node's parsed response headers (names already lower-case) behind the Fetch API's reading methods. */
class ResponseHeaders implements Iterable<[string, string]> {
  private readonly values_ = new Map<string, string>();

  constructor(headers: IncomingMessage['headers']) {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) this.values_.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.values_.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values_.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.values_.set(name.toLowerCase(), value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const before = this.values_.get(key);
    this.values_.set(key, before === undefined ? value : `${before}, ${value}`);
  }

  delete(name: string): void {
    this.values_.delete(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.values_.entries();
  }

  keys(): IterableIterator<string> {
    return this.values_.keys();
  }

  values(): IterableIterator<string> {
    return this.values_.values();
  }

  forEach(callback: (value: string, name: string) => void): void {
    this.values_.forEach(callback);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.values_.entries();
  }
}
