/** What the example widget needs from the page's sandbox host (`RunnerHost`); tests give a fake. */
import type { HostRequest, RunnerMessage } from "../../sandbox/protocol.ts";

export interface RunnerPort {
  post(request: HostRequest): Promise<void>;
  subscribe(channel: string, listener: (message: RunnerMessage) => void): void;
}
