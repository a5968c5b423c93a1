/**
 * Streams: `openConnection` and `startServer`, as CPython 3.11's `asyncio/streams.py` writes them,
 * over the simulated network (`network.ts`). The classes are in `stream-reader.ts`,
 * `stream-writer.ts` and `stream-protocol.ts`.
 */

import { createConnection, createServer } from "./network.ts";
import type { Server } from "./server.ts";
import { type ClientConnected, StreamReaderProtocol } from "./stream-protocol.ts";
import { DEFAULT_LIMIT, StreamReader } from "./stream-reader.ts";
import { StreamWriter } from "./stream-writer.ts";
import { getRunningLoop } from "./tasks.ts";
import type { Protocol } from "./transport-api.ts";

export { type ClientConnected, StreamReader, StreamReaderProtocol, StreamWriter };

/**
 * Connect to `host`:`port`: one round trip on the simulated network, then a reader and a
 * writer. Python: `reader, writer = await asyncio.open_connection(host, port, limit=2**16)`.
 * @example
 * const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
 */
export async function openConnection(
  host: string,
  port: number,
  options: { limit?: number } = {},
): Promise<[StreamReader, StreamWriter]> {
  const loop = getRunningLoop();
  const reader = new StreamReader({ limit: options.limit ?? DEFAULT_LIMIT, loop });
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const [transport] = await createConnection(loop, () => protocol, host, port);
  const writer = new StreamWriter(transport, protocol, reader, loop);
  return [reader, writer];
}

/**
 * Listen on `host`:`port`; each connection runs `clientConnected(reader, writer)` (an async
 * function becomes a task). Python: `server = await asyncio.start_server(cb, host, port)`.
 * @example
 * async function handle(reader, writer) {
 *   const line = await reader.readline();
 *   writer.write(line);
 *   writer.close();
 *   await writer.waitClosed();
 * }
 * await using server = await asyncio.startServer(handle, "127.0.0.1", 8888);
 */
export async function startServer(
  clientConnected: ClientConnected,
  host: string | null,
  port: number,
  options: { limit?: number; startServing?: boolean } = {},
): Promise<Server> {
  const loop = getRunningLoop();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const factory = (): Protocol =>
    new StreamReaderProtocol(new StreamReader({ limit, loop }), clientConnected, loop);
  return createServer(loop, factory, host, port, options);
}
