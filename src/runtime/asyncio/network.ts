/**
 * The simulated TCP network under `openConnection` and `startServer`: who listens where, and how a
 * connection is made (one round trip; the server accepts in a task of its own, as CPython's
 * `_accept_connection2`). A port of the recorder's `simulated/_network.py`, step for step, so a
 * program prints the same transcript on both sides (scripts/python/standins/SERVICES.md,
 * "Network", is the spec); the connection itself is `simulated-transport.ts`.
 */
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { address, networkSettings } from "./network-settings.ts";
import { Server } from "./server.ts";
import { Endpoint, SimulatedTransport } from "./simulated-transport.ts";
import { sleep } from "./sleep.ts";
import { ConnectionRefusedError, OSError } from "./stream-errors.ts";
import type { Protocol, Transport } from "./transport-api.ts";

const FIRST_PORT = 50000;
const ANY = "*";

class World {
  listeners = new Map<string, Server>();
  nextPort = FIRST_PORT;
}

const worlds = new WeakMap<AbstractEventLoop, World>();

function worldOf(loop: AbstractEventLoop): World {
  let w = worlds.get(loop);
  if (w === undefined) {
    w = new World();
    worlds.set(loop, w);
  }
  return w;
}

function normHost(host: string | null | undefined): string {
  if (host === null || host === undefined || host === "" || host === "0.0.0.0" || host === "::")
    return ANY;
  return host === "localhost" ? "127.0.0.1" : host;
}

const keyOf = (host: string, port: number): string => `${host}\u0000${port}`;

function isFree(world: World, host: string, port: number): boolean {
  for (const server of world.listeners.values()) {
    const [h, p] = server._key;
    if (p === port && (h === host || h === ANY || host === ANY) && !server._isClosed())
      return false;
  }
  return true;
}

/** Python: `loop.create_server(protocol_factory, host, port)` on the simulated network. */
export async function createServer(
  loop: AbstractEventLoop,
  protocolFactory: () => Protocol,
  host: string | null | undefined,
  port: number | null | undefined,
  options: { startServing?: boolean } = {},
): Promise<Server> {
  const world = worldOf(loop);
  const key = normHost(host);
  let p = port ?? 0;
  if (p === 0) p = world.nextPort++;
  if (!isFree(world, key, p)) {
    const shown = key === ANY ? "0.0.0.0" : key;
    throw new OSError(
      98,
      `error while attempting to bind on address ('${shown}', ${p}): address already in use`,
    );
  }
  const server = new Server(
    loop,
    address(key === ANY ? "0.0.0.0" : key, p),
    [key, p],
    protocolFactory,
  );
  world.listeners.set(keyOf(key, p), server);
  if (options.startServing ?? true) {
    server._startServing();
    await sleep(0);
  }
  return server;
}

function listenerFor(world: World, host: string, port: number): Server | null {
  for (const key of [keyOf(normHost(host), port), keyOf(ANY, port)]) {
    const server = world.listeners.get(key);
    if (server?._accepts()) return server;
  }
  return null;
}

async function accept(loop: AbstractEventLoop, server: Server, endpoint: Endpoint): Promise<void> {
  const protocol = server._protocolFactory();
  const waiter = loop.createFuture();
  new SimulatedTransport(loop, protocol, endpoint, waiter, server);
  await waiter;
}

function settle(done: Future<Endpoint>, endpoint: Endpoint | null, error: Error | null): void {
  if (done.done()) return;
  if (error !== null) done.setException(error);
  else done.setResult(endpoint as Endpoint);
}

function synArrives(
  loop: AbstractEventLoop,
  done: Future<Endpoint>,
  host: string,
  port: number,
): void {
  const world = worldOf(loop);
  const { latency } = networkSettings;
  const server = listenerFor(world, host, port);
  const h = normHost(host);
  if (server === null) {
    const error = new ConnectionRefusedError(111, `Connect call failed ('${h}', ${port})`);
    loop.callLater(latency, () => settle(done, null, error));
    return;
  }
  const client = new Endpoint(address("127.0.0.1", world.nextPort++));
  const here = new Endpoint(address(h === ANY ? "127.0.0.1" : h, port));
  client.peer = here;
  here.peer = client;
  loop.createTask(() => accept(loop, server, here));
  loop.callLater(latency, () => settle(done, client, null));
}

/** Python: `loop.create_connection(protocol_factory, host, port)` on the simulated network. */
export async function createConnection(
  loop: AbstractEventLoop,
  protocolFactory: () => Protocol,
  host: string,
  port: number,
): Promise<[Transport, Protocol]> {
  const done = loop.createFuture<Endpoint>();
  loop.callLater(networkSettings.latency, () => synArrives(loop, done, host, port));
  const endpoint = await done;
  const protocol = protocolFactory();
  const waiter = loop.createFuture();
  const transport = new SimulatedTransport(loop, protocol, endpoint, waiter, null);
  await waiter;
  return [transport, protocol];
}
