/**
 * `ClientResponse` and its body stream (`resp.content`). The headers come with the response;
 * the body's parts arrive on the loop's clock (the first with the headers, the next ones the
 * host's `streamInterval` apart). Reading the whole body gives the connection back, as
 * aiohttp does; so does leaving `await using` / `async with`, or `release()`.
 */
import {
  getRunningLoop,
  Lazy,
  PY_REPR,
  pyRepr,
  sleep,
  TimeoutError,
} from "../../runtime/asyncio/index.ts";
import { ClientResponseError, ContentTypeError } from "./aiohttp-errors.ts";
import { reasonOf } from "./http-status.ts";
import { fromUtf8 } from "./py-json.ts";

/**
 * Case-insensitive headers. Python: aiohttp's `CIMultiDictProxy` (`resp.headers`).
 * @example
 * resp.headers.get("content-type"); // "application/json"
 */
export class CIMultiDictProxy {
  readonly #items: [string, string][];
  constructor(items: Record<string, string>) {
    this.#items = Object.entries(items);
  }
  /** Python: `headers.get(name, default=None)`. */
  get(name: string, fallback: string | null = null): string | null {
    const k = name.toLowerCase();
    return this.#items.find(([n]) => n.toLowerCase() === k)?.[1] ?? fallback;
  }
  /** Python: `name in headers`. */
  has(name: string): boolean {
    return this.get(name) !== null;
  }
  [PY_REPR](): string {
    return `<CIMultiDictProxy(${this.#items.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ")})>`;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * A response body as it arrives. Python: `resp.content` (`aiohttp.StreamReader`).
 * @example
 * for await (const chunk of resp.content.iterChunked(1024)) total += chunk.length;
 */
export class StreamReader {
  readonly #parts: Uint8Array[];
  readonly #arrivals: number[];
  readonly #deadline: number | null;
  readonly #onEof: () => void;
  #next = 0;
  #buffer: Uint8Array = new Uint8Array(0);

  constructor(parts: Uint8Array[], arrivals: number[], deadline: number | null, onEof: () => void) {
    this.#parts = parts;
    this.#arrivals = arrivals;
    this.#deadline = deadline;
    this.#onEof = onEof;
    this.#checkEof();
  }

  #checkEof(): void {
    if (this.atEof()) this.#onEof();
  }

  /** Python: `content.at_eof()`: everything arrived and was read. */
  atEof(): boolean {
    return this.#next >= this.#parts.length && this.#buffer.length === 0;
  }

  /** Move arrived parts into the buffer; wait for the next one if nothing is buffered. */
  async #fill(): Promise<void> {
    const now = getRunningLoop().time();
    while (this.#next < this.#parts.length && this.#arrivals[this.#next]! <= now)
      this.#buffer = concat(this.#buffer, this.#parts[this.#next++]!);
    if (this.#buffer.length > 0 || this.#next >= this.#parts.length) return;
    const at = this.#arrivals[this.#next]!;
    if (this.#deadline !== null && this.#deadline < at) {
      await sleep(this.#deadline - now);
      throw new TimeoutError();
    }
    await sleep(at - now);
    this.#buffer = concat(this.#buffer, this.#parts[this.#next++]!);
  }

  #take(n: number): Uint8Array {
    const out = this.#buffer.subarray(0, n);
    this.#buffer = this.#buffer.subarray(n);
    this.#checkEof();
    return out;
  }

  /**
   * Up to `n` bytes (everything to the end when `n` is -1), waiting only while nothing is
   * buffered; empty at the end. Python: `await resp.content.read(n=-1)`.
   * @example
   * const chunk = await resp.content.read(1024);
   */
  read(n = -1): Lazy<Uint8Array> {
    return new Lazy(async () => {
      if (n < 0) {
        let all: Uint8Array = new Uint8Array(0);
        while (!this.atEof()) {
          await this.#fill();
          all = concat(all, this.#take(this.#buffer.length));
        }
        return all;
      }
      await this.#fill();
      return this.#take(n);
    });
  }

  /** Whatever is buffered (waiting for a part if nothing is). Python: `await resp.content.readany()`. @example await resp.content.readany(); */
  readany(): Lazy<Uint8Array> {
    return new Lazy(async () => {
      await this.#fill();
      return this.#take(this.#buffer.length);
    });
  }

  /** One line, `\n` included (empty at the end). Python: `await resp.content.readline()`. @example await resp.content.readline(); */
  readline(): Lazy<Uint8Array> {
    return new Lazy(async () => {
      let line: Uint8Array = new Uint8Array(0);
      while (!this.atEof()) {
        await this.#fill();
        const i = this.#buffer.indexOf(10);
        if (i >= 0) return concat(line, this.#take(i + 1));
        line = concat(line, this.#take(this.#buffer.length));
      }
      return line;
    });
  }

  /** Chunks of at most `n` bytes as they arrive. Python: `async for chunk in resp.content.iter_chunked(n)`. @example for await (const c of resp.content.iterChunked(1024)) {} */
  async *iterChunked(n: number): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = await this.read(n);
      if (chunk.length === 0) return;
      yield chunk;
    }
  }

  /** Whatever arrives, as it arrives. Python: `async for data in resp.content.iter_any()`. @example for await (const c of resp.content.iterAny()) {} */
  async *iterAny(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = await this.readany();
      if (chunk.length === 0) return;
      yield chunk;
    }
  }

  /** Lines. Python: `async for line in resp.content`. @example for await (const line of resp.content) {} */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const line = await this.readline();
      if (line.length === 0) return;
      yield line;
    }
  }
}

/** What the client knows when the headers arrive. */
export interface ResponseInit {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  parts: Uint8Array[];
  arrivals: number[];
  deadline: number | null;
  release: () => void;
}

/**
 * A response: status and headers now, the body as it arrives. Python: `aiohttp.ClientResponse`.
 * `await using resp = await session.get(url)` is `async with session.get(url) as resp:`.
 * @example
 * await using resp = await session.get("https://httpbin.test/json");
 * print(resp.status, (await resp.text()).length);
 */
export class ClientResponse implements AsyncDisposable {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly reason: string;
  readonly headers: CIMultiDictProxy;
  readonly content: StreamReader;
  readonly #release: () => void;
  #body: Uint8Array | null = null;

  constructor(init: ResponseInit) {
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.reason = reasonOf(init.status);
    this.headers = new CIMultiDictProxy(init.headers);
    this.#release = init.release;
    this.content = new StreamReader(init.parts, init.arrivals, init.deadline, init.release);
  }

  /** Python: `resp.ok`: status below 400. */
  get ok(): boolean {
    return this.status < 400;
  }

  /** Python: `resp.content_type`: the MIME type without parameters. */
  get contentType(): string {
    return (this.headers.get("Content-Type") ?? "application/octet-stream").split(";")[0]!.trim();
  }

  /** The whole body. Python: `await resp.read()`. @example const bytes = await resp.read(); */
  read(): Lazy<Uint8Array> {
    return new Lazy(async () => {
      this.#body ??= await this.content.read();
      return this.#body;
    });
  }

  /** The body as text (UTF-8). Python: `await resp.text()`. @example const html = await resp.text(); */
  text(): Lazy<string> {
    return new Lazy(async () => fromUtf8(await this.read()));
  }

  /**
   * The body parsed as JSON; `ContentTypeError` unless the type is JSON. Python: `await resp.json()`.
   * @example
   * const data = await resp.json();
   */
  json(): Lazy<unknown> {
    return new Lazy(async () => {
      const body = await this.read();
      if (!this.contentType.includes("json"))
        throw new ContentTypeError(this.status, this.headers.get("Content-Type") ?? "", this.url);
      const text = fromUtf8(body).trim();
      return text === "" ? null : JSON.parse(text);
    });
  }

  /**
   * Throw `ClientResponseError` for a status of 400 or more. Python: `resp.raise_for_status()`.
   * @example
   * resp.raiseForStatus();
   */
  raiseForStatus(): void {
    if (this.status >= 400) {
      this.#release();
      throw new ClientResponseError(this.status, this.reason, this.url);
    }
  }

  /** Give the connection back. Python: `resp.release()`. @example resp.release(); */
  release(): void {
    this.#release();
  }

  /** Python: `resp.close()`. @example resp.close(); */
  close(): void {
    this.#release();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.#release();
  }

  [PY_REPR](): string {
    return `<ClientResponse(${this.url}) [${this.status} ${this.reason}]>`;
  }
}
