/**
 * The environment-specific part of `toThread`: run a self-contained function's source in a
 * real thread — `worker_threads` in node, a nested Worker (from a Blob URL) in a Web Worker —
 * and get its result (or error) back. The function cannot see the caller's variables: only its
 * own source and the (structured-clone) arguments travel.
 */

/** What a thread sends back. */
export type ThreadReply =
  | { ok: true; value: unknown }
  | { ok: false; name: string; message: string };

/**
 * The thread's whole script, with the function's source written into it. Not `eval`: the
 * sandbox's CSP forbids it, while a script from a Blob (or node's `eval: true` Worker) may run.
 */
function threadScript(src: string, receive: string, reply: string): string {
  return `const fn = (${src});
const run = async (args) => {
  try {
    return { ok: true, value: await fn(...args) };
  } catch (e) {
    return { ok: false, name: (e && e.name) || "Exception", message: (e && e.message) || String(e) };
  }
};
${receive}.then(run).then((r) => ${reply});`;
}

const NODE_IO = [
  `Promise.resolve(require("node:worker_threads").workerData.args)`,
  `require("node:worker_threads").parentPort.postMessage(r)`,
] as const;

const WEB_IO = [
  `new Promise((resolve) => { self.onmessage = (m) => resolve(m.data.args); })`,
  `self.postMessage(r)`,
] as const;

const isNode = !!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions
  ?.node;

/** The part of node's `worker_threads.Worker` used here (typed locally: the runtime has no node types). */
interface NodeWorker {
  once(event: "message", cb: (r: ThreadReply) => void): void;
  once(event: "error", cb: (e: unknown) => void): void;
  terminate(): Promise<number>;
}
type NodeWorkerCtor = new (
  code: string,
  options: { eval: boolean; workerData: unknown },
) => NodeWorker;

async function inNode(src: string, args: unknown[]): Promise<ThreadReply> {
  const name = "node:worker_threads";
  const { Worker } = (await import(/* @vite-ignore */ name)) as { Worker: NodeWorkerCtor };
  return new Promise((resolve, reject) => {
    const w = new Worker(threadScript(src, ...NODE_IO), { eval: true, workerData: { args } });
    w.once("message", (r: ThreadReply) => {
      resolve(r);
      void w.terminate();
    });
    w.once("error", reject);
  });
}

async function inWebWorker(src: string, args: unknown[]): Promise<ThreadReply> {
  const url = URL.createObjectURL(
    new Blob([threadScript(src, ...WEB_IO)], { type: "text/javascript" }),
  );
  return new Promise((resolve, reject) => {
    const w = new Worker(url);
    w.onmessage = (m: MessageEvent<ThreadReply>) => {
      resolve(m.data);
      w.terminate();
      URL.revokeObjectURL(url);
    };
    w.onerror = (e) => reject(new Error(e.message));
    w.postMessage({ args });
  });
}

/** Run `fn(...args)` in another thread. */
export function runInThread(
  fn: (...args: never[]) => unknown,
  args: unknown[],
): Promise<ThreadReply> {
  const src = fn.toString();
  if (isNode) return inNode(src, args);
  if (typeof Worker === "function") return inWebWorker(src, args);
  return Promise.reject(new Error("toThread: no threads in this environment"));
}
