/**
 * The page's side of the sandbox: one hidden `<iframe sandbox="allow-scripts">` per page,
 * shared by every example, each example on its own channel. Messages from the frame are
 * untrusted data: they are accepted only from that frame's window, and only through the
 * `RunGate` (protocol check, current run only, one budget over every channel), so a listener
 * gets only checked messages of its current run, and an `end` when the page stops a run.
 * Each delivered message is acknowledged once the page draws again (`Acknowledger`): the frame
 * sends no faster than that.
 */
import type { HostMessage, HostRequest, RunnerMessage } from "../sandbox/protocol.ts";
import { Acknowledger } from "./runner/acknowledger.ts";
import type { FrameLiveness } from "./runner/frame-liveness.ts";
import { RunGate } from "./runner/run-gate.ts";

type Listener = (message: RunnerMessage) => void;

export class RunnerHost {
  private frame: HTMLIFrameElement | null = null;
  private ready: Promise<void> | null = null;
  private readonly listeners = new Map<string, Listener>();
  private readonly gate = new RunGate();
  private readonly acks = new Acknowledger((ack) => this.send(ack));
  /** Loaded with the first run: a page whose examples are only prewarmed does not need it. */
  private liveness: FrameLiveness | null = null;

  private readonly src: string;

  constructor(src: string) {
    this.src = src;
    addEventListener("message", (e: MessageEvent<unknown>) => {
      if (!this.frame || e.source !== this.frame.contentWindow) return;
      this.liveness?.heard();
      const { deliver, stop } = this.gate.accept(e.data, performance.now());
      if (stop) this.send({ channel: stop.channel, kind: "stop", run: stop.run });
      for (const m of deliver) {
        if (m.kind === "events" || m.kind === "error") this.acks.delivered(m.channel, m.run);
        this.listeners.get(m.channel)?.(m);
      }
    });
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
      frame.src = this.src;
      frame.title = "Sandbox that runs the examples";
      frame.className = "runner-frame";
      frame.tabIndex = -1;
      frame.setAttribute("aria-hidden", "true");
      this.listeners.set("*", (m) => {
        if (m.kind === "ready") resolve();
      });
      this.frame = frame;
      document.body.append(frame);
    });
    return this.ready;
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
    if (request.kind === "run") message = { ...request, run: this.gate.begin(request.channel) };
    else if (request.kind === "stop") {
      const run = this.gate.current(request.channel);
      if (run === null) return;
      message = { ...request, run };
    } else message = request;
    if (message.kind === "run") this.watchFrame();
    await this.ensure();
    this.send(message);
  }

  private watchFrame(): void {
    if (this.liveness) {
      this.liveness.watch();
      return;
    }
    void import("./runner/frame-liveness.ts").then(({ FrameLiveness }) => {
      this.liveness ??= new FrameLiveness({
        ping: (seq) => this.send({ channel: "*", kind: "ping", seq }),
        running: () => this.gate.running,
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
    const ends = this.gate.abandonAll(
      "out-of-memory",
      "stopped: the sandbox crashed, most likely because the program ran out of memory",
    );
    this.frame?.remove();
    this.frame = null;
    this.ready = null;
    for (const end of ends) this.listeners.get(end.channel)?.(end);
  }

  private send(message: HostMessage): void {
    this.frame?.contentWindow?.postMessage(message, "*");
  }
}
