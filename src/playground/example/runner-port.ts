/** What the example widget needs from the page's sandbox host (`RunnerHost`); tests give a fake. */
import type { HostMessage, RunnerMessage } from "../../sandbox/protocol.ts";

export interface RunnerPort {
  post(message: HostMessage): Promise<void>;
  subscribe(channel: string, listener: (message: RunnerMessage) => void): void;
}
