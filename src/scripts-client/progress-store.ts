/**
 * The reader's progress, kept in this browser only (no account, no server): chapters read to
 * the end, Predicts answered (right, or the answer shown), exercises solved. One small JSON
 * record in `localStorage`, which the landing page exports, imports and resets.
 *
 * Every read validates: the record may come from an older version, another tab, or a file the
 * reader edited, so anything that is not the expected shape is ignored, never trusted.
 */

import { PROGRESS_KEY } from "./progress-key.ts";

export { PROGRESS_KEY };

const VERSION = 1;

export interface Progress {
  /** Chapter id → when it was first read to the end (ISO date). */
  read: Record<string, string>;
  /** Predict id → when it was first answered. */
  predicts: Record<string, string>;
  /** Exercise id → when its check first passed. */
  exercises: Record<string, string>;
}

export type ProgressKind = keyof Progress;
const KINDS: readonly ProgressKind[] = ["read", "predicts", "exercises"];

/** The part of `Storage` the store uses (tests give their own). */
export type ProgressStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const empty = (): Progress => ({ read: {}, predicts: {}, exercises: {} });

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const MAX_ENTRIES = 1000;

/** The valid part of `data`: a progress record, or null when it is not one at all. */
export function parseProgress(data: unknown): Progress | null {
  if (typeof data !== "object" || data === null) return null;
  const record = data as Record<string, unknown>;
  if (record["v"] !== VERSION) return null;
  const progress = empty();
  for (const kind of KINDS) {
    const entries = record[kind];
    if (typeof entries !== "object" || entries === null) continue;
    for (const [id, when] of Object.entries(entries).slice(0, MAX_ENTRIES))
      if (ID.test(id) && typeof when === "string" && !Number.isNaN(Date.parse(when)))
        progress[kind][id] = new Date(when).toISOString();
  }
  return progress;
}

export class ProgressStore {
  readonly #storage: ProgressStorage | null;

  constructor(storage: ProgressStorage | null) {
    this.#storage = storage;
  }

  /** The page's store: `localStorage`, or none where the browser refuses it. */
  static local(): ProgressStore {
    try {
      return new ProgressStore(globalThis.localStorage ?? null);
    } catch {
      return new ProgressStore(null);
    }
  }

  load(): Progress {
    try {
      const raw = this.#storage?.getItem(PROGRESS_KEY);
      return (raw && parseProgress(JSON.parse(raw))) || empty();
    } catch {
      return empty();
    }
  }

  /** Records `id` under `kind` (the first time only); false when it could not be stored. */
  mark(kind: ProgressKind, id: string, now = new Date()): boolean {
    if (!ID.test(id)) return false;
    const progress = this.load();
    if (progress[kind][id]) return true;
    progress[kind][id] = now.toISOString();
    return this.#save(progress);
  }

  /** The record as a file's text (what Export saves). */
  exportText(): string {
    return `${JSON.stringify({ v: VERSION, ...this.load() }, null, 2)}\n`;
  }

  /** Adds a file's record to this one (the earlier date wins); false when the text is not one. */
  importText(text: string): boolean {
    let incoming: Progress | null;
    try {
      incoming = parseProgress(JSON.parse(text));
    } catch {
      return false;
    }
    if (!incoming) return false;
    const progress = this.load();
    for (const kind of KINDS)
      for (const [id, when] of Object.entries(incoming[kind])) {
        const had = progress[kind][id];
        if (!had || when < had) progress[kind][id] = when;
      }
    return this.#save(progress);
  }

  reset(): void {
    try {
      this.#storage?.removeItem(PROGRESS_KEY);
    } catch {
      // Nothing stored, nothing to forget.
    }
  }

  #save(progress: Progress): boolean {
    try {
      if (!this.#storage) return false;
      this.#storage.setItem(PROGRESS_KEY, JSON.stringify({ v: VERSION, ...progress }));
      return true;
    } catch {
      return false;
    }
  }
}
