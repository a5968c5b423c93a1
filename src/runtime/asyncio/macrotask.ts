/**
 * Run a callback as a macrotask, i.e. after the microtask queue has drained. The loop uses it to
 * learn that a task's step stalled on something it does not own (see `loop.ts`), and to give the
 * host a turn now and then. setImmediate in node; a MessageChannel in a Worker (setTimeout(0)
 * would be clamped to 4 ms after a few nestings).
 */
type Immediate = (cb: () => void) => unknown;

const g = globalThis as { setImmediate?: Immediate; MessageChannel?: typeof MessageChannel };

function viaChannel(): (cb: () => void) => void {
  const queue: Array<() => void> = [];
  const channel = new g.MessageChannel!();
  channel.port1.onmessage = () => {
    const cb = queue.shift();
    cb?.();
  };
  return (cb) => {
    queue.push(cb);
    channel.port2.postMessage(0);
  };
}

export const onMacrotask: (cb: () => void) => void =
  typeof g.setImmediate === "function"
    ? (cb) => {
        g.setImmediate!(cb);
      }
    : typeof g.MessageChannel === "function"
      ? viaChannel()
      : (cb) => {
          setTimeout(cb, 0);
        };
