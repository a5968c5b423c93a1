/**
 * Programs loaded into a sandbox worker before their run, so that Run only has to say "go":
 * each is fetched, compiled and linked as a module while the worker is idle, and held before its
 * first statement until it is released. A worker may hold several (the examples the reader
 * pointed at) and runs at most one: releasing one closes the gate on all the others for good.
 *
 * The hold is a module the program imports, appended to its code as an `import` (hoisted, so it
 * holds the whole program, and the program's own lines and columns stay where the compiler put
 * them, which error positions rely on). That module awaits a gate the worker opens. The gate is
 * reached through a global, since a module sees nothing else of the worker; the global is removed
 * before the released program runs, and whatever calls it afterwards waits forever.
 */

const GATE = "__programGate";

/** A loaded program, ready to run: its module's URL (errors name it) and the release. */
export interface HeldProgram {
  url: string;
  /** Lets the program run; resolves (or rejects) as `import()` of it would. */
  release(): Promise<unknown>;
}

export class PreloadedPrograms {
  readonly #moduleUrl: (code: string) => string;
  readonly #onHeld: (id: number) => void;
  readonly #held = new Map<number, { url: string; imported: Promise<unknown> }>();
  /** Gates reached, by program id: what opens them. */
  readonly #waiting = new Map<number, () => void>();
  /** The program released before it reached its gate: it passes when it does. */
  #released: number | null = null;
  #closed = false;

  /**
   * `moduleUrl`: a URL to import `code` from as an ES module (a blob: URL in the worker);
   * `onHeld`: a program is loaded and held at its gate, ready to go.
   */
  constructor(moduleUrl: (code: string) => string, onHeld: (id: number) => void = () => {}) {
    this.#moduleUrl = moduleUrl;
    this.#onHeld = onHeld;
    Object.defineProperty(globalThis, GATE, {
      value: (id: unknown) => this.#gate(id),
      configurable: true,
      enumerable: false,
      writable: false,
    });
  }

  /** Programs held at their gate now (for tests and the curious): released, they could run. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /** Loads `code` as program `id` and holds it (a second load of the same id does nothing). */
  load(id: number, code: string): void {
    if (this.#closed || this.#held.has(id)) return;
    const gate = this.#moduleUrl(`await globalThis.${GATE}(${id});\n`);
    const url = this.#moduleUrl(`${code}\nimport ${JSON.stringify(gate)};\n`);
    const imported = import(/* @vite-ignore */ url);
    // A program that is never released must not report its failure as the reader's stray error.
    imported.catch(() => {});
    this.#held.set(id, { url, imported });
  }

  /** Program `id` if it was loaded and nothing was released yet, else null. */
  take(id: number): HeldProgram | null {
    const held = this.#held.get(id);
    if (!held || this.#closed) return null;
    return {
      url: held.url,
      release: () => {
        this.#open(id);
        return held.imported;
      },
    };
  }

  #open(id: number): void {
    this.#closed = true;
    const waiting = this.#waiting.get(id);
    this.#waiting.clear();
    if (waiting) {
      this.#removeGate();
      waiting();
    } else this.#released = id;
  }

  #gate(id: unknown): Promise<void> {
    if (id === this.#released) {
      this.#released = null;
      this.#removeGate();
      return Promise.resolve();
    }
    if (this.#closed || typeof id !== "number" || !this.#held.has(id)) return new Promise(() => {});
    const held = new Promise<void>((resolve) => this.#waiting.set(id, resolve));
    this.#onHeld(id);
    return held;
  }

  #removeGate(): void {
    Reflect.deleteProperty(globalThis, GATE);
  }
}
