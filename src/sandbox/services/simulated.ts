/**
 * The knobs of the simulated services: latency, jitter and failures of each HTTP host, the
 * round-trip time of the database and of Redis, the file system's latency and contents; and the
 * world outside the program, which can send it a signal.
 * Reader module `simulated`; Python: the stand-in module `simulated` (same names, snake_case
 * keywords). Every run starts from the defaults below; scripts/python/standins/SERVICES.md
 * is the whole spec.
 */
import * as asyncio from "../../runtime/asyncio/index.ts";
import { Random } from "./random.ts";

/** How one HTTP host behaves. */
export interface HttpHost {
  /** Round-trip time of a request, seconds (half out, half back). */
  latency: number;
  /** Extra latency drawn per request: `rng.uniform(0, jitter)`. */
  jitter: number;
  /** Probability that a request fails with ServerDisconnectedError (drawn per request). */
  failureRate: number;
  /** Seconds between the parts of a streamed body (`/stream/N`, `/bytes/N`). */
  streamInterval: number;
  /** The seeded generator that draws failures and jitter. Python: `random.Random(seed)`. */
  rng: Random;
}

/** Options of `http`. Python: `simulated.http(latency=…, jitter=…, failure_rate=…, seed=…, stream_interval=…, host=None)`. */
export interface HttpOptions {
  latency?: number;
  jitter?: number;
  failureRate?: number;
  seed?: number;
  streamInterval?: number;
  /** Configure this host only (e.g. "httpbin.test"); without it, every host without its own settings. */
  host?: string;
}

const HTTP_DEFAULTS = { latency: 0.1, jitter: 0, failureRate: 0, streamInterval: 0.05, seed: 0 };

const freshHost = (): HttpHost => ({ ...HTTP_DEFAULTS, rng: new Random(HTTP_DEFAULTS.seed) });

/** The services' current settings (read by the services, changed through the functions below). */
export const settings = {
  http: { fallback: freshHost(), hosts: new Map<string, HttpHost>() },
  postgres: { latency: 0.05 },
  redis: { latency: 0.01 },
  files: { latency: 0.01 },
};

/** Back to the defaults (each run starts here). */
export function _reset(): void {
  settings.http.fallback = freshHost();
  settings.http.hosts.clear();
  settings.postgres.latency = 0.05;
  settings.redis.latency = 0.01;
  settings.files.latency = 0.01;
  asyncio.resetNetwork();
}

/** The settings that apply to `host`. */
export function httpHost(host: string): HttpHost {
  return settings.http.hosts.get(host) ?? settings.http.fallback;
}

/**
 * Set how HTTP hosts behave; options left out keep their values (a host's own settings start
 * as a copy of the general ones). Giving `seed` restarts that generator.
 * Python: `simulated.http(latency=0.1, jitter=0.0, failure_rate=0.0, seed=0, host=None)`.
 * @example
 * simulated.http({ latency: 0.2, failureRate: 0.3, seed: 7 });
 * simulated.http({ host: "slow.test", latency: 2 });
 */
export function http(options: HttpOptions = {}): void {
  const { host, seed, ...rest } = options;
  let target = settings.http.fallback;
  if (host !== undefined) {
    const own = settings.http.hosts.get(host);
    if (own) target = own;
    else {
      const fb = settings.http.fallback;
      target = { ...fb, rng: new Random(HTTP_DEFAULTS.seed) };
      settings.http.hosts.set(host, target);
    }
  }
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined) (target as unknown as Record<string, unknown>)[k] = v;
  }
  if (seed !== undefined) target.rng = new Random(seed);
}

/**
 * Set the database's round trip per query (default 0.05 s). Python: `simulated.postgres(latency=0.05)`.
 * @example
 * simulated.postgres({ latency: 0.1 });
 */
export function postgres(options: { latency?: number } = {}): void {
  if (options.latency !== undefined) settings.postgres.latency = options.latency;
}

/**
 * Set Redis's round trip per command or pipeline (default 0.01 s). Python: `simulated.redis(latency=0.01)`.
 * @example
 * simulated.redis({ latency: 0.05 });
 */
export function redis(options: { latency?: number } = {}): void {
  if (options.latency !== undefined) settings.redis.latency = options.latency;
}

/**
 * Set the file system's latency per operation (default 0.01 s) and add files.
 * Python: `simulated.files(latency=0.01, contents={"a.txt": "…"})`.
 * @example
 * simulated.files({ contents: { "example.txt": "Hello" } });
 */
export function files(options: { latency?: number; contents?: Record<string, string> } = {}): void {
  if (options.latency !== undefined) settings.files.latency = options.latency;
  if (options.contents) for (const [p, text] of Object.entries(options.contents)) fileHook(p, text);
}

/**
 * Set the TCP network under `asyncio.openConnection` / `asyncio.startServer`: the one-way
 * latency in seconds (default 0.01) and the bandwidth in bytes per second (default null: no
 * limit; 0 also means no limit). Python: `simulated.network(latency=0.05, bandwidth=100_000)`.
 * @example
 * simulated.network({ latency: 0.05, bandwidth: 100_000 }); // 100 kB/s, 50 ms each way
 */
export function network(options: { latency?: number; bandwidth?: number | null } = {}): void {
  if (options.latency !== undefined) asyncio.networkSettings.latency = options.latency;
  if (options.bandwidth !== undefined)
    asyncio.networkSettings.bandwidth = options.bandwidth || null;
}

let fileHook: (path: string, text: string) => void = () => {};

/** The file system registers how `files({ contents })` writes (it lives in memfs.ts). */
export function _onFiles(hook: (path: string, text: string) => void): void {
  fileHook = hook;
}

/**
 * The world sends the program a signal at loop time `at` (seconds, the time the stamps show), as
 * `kill -TERM <pid>` or Ctrl-C would: handlers from `loop.addSignalHandler` run, SIGINT with no
 * handler cancels `asyncio.run`'s main task (then `KeyboardInterrupt`), and SIGTERM with no
 * handler ends the program at once. Needs a running loop; a signal due after the loop has
 * stopped is never sent. Python: `simulated.send_signal("SIGTERM", at=2.0)`.
 * @example
 * simulated.sendSignal("SIGTERM", { at: 2.0 }); // someone runs `kill <pid>` at 2 s
 */
export function sendSignal(
  sig:
    | "SIGHUP"
    | "SIGINT"
    | "SIGQUIT"
    | "SIGKILL"
    | "SIGUSR1"
    | "SIGUSR2"
    | "SIGTERM"
    | asyncio.signal.Signals,
  options: { at: number },
): void {
  const s = asyncio.signal.toSignal(sig);
  const loop = asyncio.getRunningLoop();
  loop.callAt(options.at, () => asyncio.signal.raiseSignal(s));
}
