/**
 * A sandbox worker as the runner frame holds it: the Worker, the frame's end of its private
 * channel (worker-protocol.ts), and what the frame knows of its state. The frame makes them
 * (`spawn` in runner-frame.ts); the Python spare (python/python-spare.ts) asks it for its own.
 */
export interface PortedWorker {
  worker: Worker;
  /** The frame's end of the worker's private channel. */
  port: MessagePort;
  /** Programs loaded into it ahead of a run (`PreloadedPrograms`), by code: their ids. */
  programs: Map<string, number>;
  /** The ids of those that are held ready (the worker said so). */
  held: Set<number>;
  /** A Python worker: it has booted Pyodide (`python-ready`). */
  ready: boolean;
}

/** Makes a worker from the script at `url`, named `name`, its private port handed over. */
export type SpawnWorker = (url: string, name: string) => PortedWorker;
