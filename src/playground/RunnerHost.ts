/**
 * The page's side of the sandbox: one hidden `<iframe sandbox="allow-scripts">` per page,
 * shared by every example, each example on its own channel. Messages from the frame are
 * untrusted data: they are accepted only through the `RunGate` (protocol check, current run
 * only, one budget over every channel), so a listener gets only checked messages of its current
 * run, and an `end` when the page stops a run. Until a run (or the reader's pointer) loads the
 * gate, the only message taken is the frame's `ready`, checked field by field; anything else
 * waits for the gate.
 *
 * Once the frame says it is ready (on the window, from that frame's window only), the page hands
 * it one end of a private `MessageChannel`, and every later message goes over it. A port sends at
 * once, straight to the frame's process; a window's `postMessage` to a frame in another process
 * is queued behind the page's own work (Run's first paint) and relayed by the browser, which cost
 * a Run about 6 ms before the sandbox even heard of it.
 * Each delivered message is acknowledged once the page draws again (`Acknowledger`): the frame
 * sends no faster than that.
 */
import type { HostHandover, HostMessage, HostRequest, RunnerMessage } from "../sandbox/protocol.ts";
import { Acknowledger } from "./runner/acknowledger.ts";
import type { FrameLiveness } from "./runner/frame-liveness.ts";
import type { RunGate } from "./runner/run-gate.ts";

type Listener = (message: RunnerMessage) => void;

export class RunnerHost {
  private frame: HTMLIFrameElement | null = null;
  /** The page's end of the channel to the frame, once the frame is ready. */
  private port: MessagePort | null = null;
  private ready: Promise<void> | null = null;
  private readonly listeners = new Map<string, Listener>();
  /**
   * The checks on what the frame sends (protocol, run ids, budget), loaded with the first run
   * or the first sign of one (`loadGate`), not with the prewarm: a page whose examples are only
   * prepared does not need them, and the prewarm's JavaScript counts against the reading budget.
   */
  private gate: RunGate | null = null;
  private gateLoading: Promise<RunGate> | null = null;
  /** What the frame sent before the gate was there (only a run's messages: after `loadGate`). */
  private early: unknown[] = [];
  private readonly acks = new Acknowledger((ack) => this.send(ack));
  /** Loaded with the first run: a page whose examples are only prewarmed does not need it. */
  private liveness: FrameLiveness | null = null;
  /**
   * Python, once handed to the sandbox: a frame made after a crash is handed it too (the page
   * loads Python once; without this, every Run Python after a crash said "Python is not loaded").
   */
  private python: Extract<HostMessage, { kind: "python-runtime" }> | null = null;

  private readonly src: string;

  constructor(src: string) {
    this.src = src;
    addEventListener("message", (e: MessageEvent<unknown>) => {
      if (!this.frame || e.source !== this.frame.contentWindow) return;
      this.receive(e.data);
    });
  }

  private receive(data: unknown): void {
    this.liveness?.heard();
    if (!this.gate) {
      const m = data as { kind?: unknown; channel?: unknown } | null;
      // `ready` is all a prepared frame says; it needs no more checking than this.
      if (m?.kind === "ready" && m.channel === "*")
        this.listeners.get("*")?.({ ...m } as RunnerMessage);
      else {
        this.early.push(data);
        void this.loadGate();
      }
      return;
    }
    const { deliver, stop } = this.gate.accept(data, performance.now());
    if (stop) this.send({ channel: stop.channel, kind: "stop", run: stop.run });
    for (const m of deliver) {
      if (m.kind === "events" || m.kind === "error") this.acks.delivered(m.channel, m.run);
      this.listeners.get(m.channel)?.(m);
    }
  }

  /** Gives the frame its end of a private channel (once: a second `ready` changes nothing). */
  private handOver(frame: HTMLIFrameElement): void {
    if (this.port) return;
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    const handover: HostHandover = { channel: "*", kind: "port" };
    frame.contentWindow?.postMessage(handover, "*", [channel.port2]);
    if (this.python) this.send(this.python);
  }

  /** Is the sandbox frame on the page (loading or loaded)? */
  get created(): boolean {
    return this.frame !== null;
  }

  /** Loads the runner frame once; resolves when it says it is ready. */
  ensure(): Promise<void> {
    this.ready ??= new Promise<void>((resolve) => {
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", "allow-scripts");
      void this.navigate(frame);
      frame.title = "Sandbox that runs the examples";
      frame.className = "runner-frame";
      frame.tabIndex = -1;
      frame.setAttribute("aria-hidden", "true");
      this.listeners.set("*", (m) => {
        if (m.kind !== "ready") return;
        this.handOver(frame);
        resolve();
      });
      this.frame = frame;
      document.body.append(frame);
    });
    return this.ready;
  }

  /**
   * Points the frame at the runner. A sandboxed frame's own navigation never goes through the
   * site's service worker, so offline it would fail: the page fetches the runner itself (from
   * the HTTP cache, or the worker's cache offline) and gives the frame a blob of it. The frame
   * stays sandboxed, so its origin is as opaque as with the runner's own URL. The blob is
   * never revoked: one per frame, and a page makes a second frame only after a crash.
   */
  private async navigate(frame: HTMLIFrameElement): Promise<void> {
    let url = this.src;
    try {
      const response = await fetch(this.src);
      if (response.ok) url = URL.createObjectURL(await response.blob());
    } catch {
      // No runner to fetch: the frame's own navigation says why, as it did before.
    }
    frame.src = url;
  }

  subscribe(channel: string, listener: Listener): void {
    this.listeners.set(channel, listener);
  }

  /**
   * Sends a request to the sandbox. A `run` gets a new run id at once (before the frame is
   * even ready), so nothing the previous run of the channel still sends reaches the listener;
   * a `stop` goes to the channel's current run, and does nothing when none is running.
   */
  async post(request: HostRequest): Promise<void> {
    let message: HostMessage;
    if (request.kind === "run" || request.kind === "run-python" || request.kind === "stop") {
      const gate = await this.loadGate();
      if (request.kind !== "stop") message = { ...request, run: gate.begin(request.channel) };
      else {
        const run = gate.current(request.channel);
        if (run === null) return;
        message = { ...request, run };
      }
    } else message = request;
    if (message.kind === "python-runtime") {
      // Sent now if the frame is ready, else when it is (`handOver`), and to every later frame.
      this.python = message;
      if (this.port) this.send(message);
      await this.ensure();
      return;
    }
    if (message.kind === "run" || message.kind === "run-python") this.watchFrame();
    await this.ensure();
    this.send(message);
  }

  /**
   * The gate, loaded once (a failed load is forgotten, so the next run retries); what the
   * frame sent meanwhile goes through it in order. Called by the first run, and by the example
   * widgets when the reader's pointer or focus reaches one, so a Run finds it loaded.
   */
  loadGate(): Promise<RunGate> {
    this.gateLoading ??= import("./runner/run-gate.ts").then(
      ({ RunGate }) => {
        this.gate ??= new RunGate();
        const early = this.early;
        this.early = [];
        for (const data of early) this.receive(data);
        return this.gate;
      },
      (error: unknown) => {
        this.gateLoading = null;
        throw error;
      },
    );
    return this.gateLoading;
  }

  private watchFrame(): void {
    if (this.liveness) {
      this.liveness.watch();
      return;
    }
    void import("./runner/frame-liveness.ts").then(({ FrameLiveness }) => {
      this.liveness ??= new FrameLiveness({
        ping: (seq) => this.send({ channel: "*", kind: "ping", seq }),
        running: () => this.gate?.running ?? false,
        dead: () => this.frameDied(),
      });
      this.liveness.watch();
    });
  }

  /**
   * The frame's process ended under a run (see `FrameLiveness`): each current run ends with
   * what most likely happened, and the next run builds a new frame.
   */
  private frameDied(): void {
    const ends =
      this.gate?.abandonAll(
        "out-of-memory",
        "stopped: the sandbox crashed, most likely because the program ran out of memory",
      ) ?? [];
    this.port?.close();
    this.port = null;
    this.frame?.remove();
    this.frame = null;
    this.ready = null;
    for (const end of ends) this.listeners.get(end.channel)?.(end);
  }

  private send(message: HostMessage): void {
    this.port?.postMessage(message);
  }
}
