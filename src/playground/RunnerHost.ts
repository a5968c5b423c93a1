/**
 * The page's side of the sandbox: one hidden `<iframe sandbox="allow-scripts">` per page,
 * shared by every example, each example on its own channel. Messages from the frame are
 * untrusted data: they are accepted only from that frame's window and only in the protocol's
 * shape.
 */
import { type HostMessage, isRunnerMessage, type RunnerMessage } from "../sandbox/protocol.ts";

type Listener = (message: RunnerMessage) => void;

export class RunnerHost {
  private frame: HTMLIFrameElement | null = null;
  private ready: Promise<void> | null = null;
  private readonly listeners = new Map<string, Listener>();

  private readonly src: string;

  constructor(src: string) {
    this.src = src;
    addEventListener("message", (e: MessageEvent<unknown>) => {
      if (!this.frame || e.source !== this.frame.contentWindow) return;
      if (!isRunnerMessage(e.data)) return;
      this.listeners.get(e.data.channel)?.(e.data);
    });
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

  async post(message: HostMessage): Promise<void> {
    await this.ensure();
    this.frame?.contentWindow?.postMessage(message, "*");
  }
}
