/**
 * The page's sandbox host, loaded on first use (the first run, or `prewarm` as the reader
 * nears an example): its protocol checks and budget are only needed once something runs, so
 * a page that is only read does not download them.
 */
import type { HostRequest, RunnerMessage } from "../../sandbox/protocol.ts";
import type { RunnerPort } from "../example/runner-port.ts";
import type { RunnerHost } from "../RunnerHost.ts";

export class LazyRunner implements RunnerPort {
  #host: Promise<RunnerHost> | null = null;
  readonly #src: string;

  constructor(src: string) {
    this.#src = src;
  }

  /** The host, created once; a failed load is forgotten so the next use retries. */
  load(): Promise<RunnerHost> {
    this.#host ??= import("../RunnerHost.ts").then(
      (m) => new m.RunnerHost(this.#src),
      (error: unknown) => {
        this.#host = null;
        throw error;
      },
    );
    return this.#host;
  }

  // Both wait on the same promise, so a subscription made before a post is in place first.
  subscribe(channel: string, listener: (message: RunnerMessage) => void): void {
    void this.load().then((host) => host.subscribe(channel, listener));
  }

  /** The reader is at an example (pointer, focus): load what a run checks its messages with. */
  interacting(): void {
    void this.load()
      .then((host) => host.loadGate())
      .catch(() => {}); // the run that needs it tries again, and says so if it fails
  }

  async post(request: HostRequest): Promise<void> {
    await (await this.load()).post(request);
  }
}
