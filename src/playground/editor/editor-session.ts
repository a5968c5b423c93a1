/**
 * The state of one example's code: which code it shows (original, the reader's edit, shared
 * code), saving it, showing it (`render`), and how the reader's actions move it: typing, Reset
 * with its Undo, and share links (`edit-state.ts` decides the states themselves).
 *
 * The Monaco editor, when open, is reached through `EditorSlot`; the session tells it what to
 * show and reads the code from it.
 */
import type { ExampleEditorOptions } from "./controller-types.ts";
import {
  type EditState,
  type InitialView,
  initialView,
  MARK_TEXT,
  stateAfterChange,
} from "./edit-state.ts";
import { setNotice, showMarks, showOriginal, showPlain, type WidgetParts } from "./edit-view.ts";
import type { EditorSlot } from "./editor-slot.ts";
import type { EditsStore, SavedEdit } from "./edits-store.ts";
import type { ShareDecodeResult } from "./share-link.ts";

const SAVE_DELAY_MS = 400;

/** What the reader is told when an edit cannot be kept, by the store's reason. */
export const SAVE_PROBLEMS = {
  full: "Your edit could not be saved: this browser's storage is full.",
  unavailable:
    "Your edits can't be saved in this browser (its storage is turned off): copy them to keep them.",
} as const;

/** What the reader's own saved code is, behind whatever the view shows. */
export function ownStateOf(v: InitialView): EditState {
  if (v.state === "conflict") return v.ownState;
  return v.state === "shared" ? "original" : v.state;
}

export class EditorSession {
  readonly #options: ExampleEditorOptions;
  readonly #parts: WidgetParts;
  readonly #store: EditsStore;
  readonly #slot: EditorSlot;
  readonly id: string;
  readonly original: string;
  readonly #originalHash: string;
  /** The reader's saved edit, as last loaded from the store. */
  #saved: SavedEdit | null;
  #state: EditState | "conflict";
  #code: string;
  /** The reader's own state while a share-link question is open (see `askAboutShared`). */
  #ownState: EditState;
  /** The fingerprint of the original the reader's code was edited from, saved with it. */
  #baseHash: string;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The save problem already told, so typing does not repeat it at every pause. */
  #toldProblem: keyof typeof SAVE_PROBLEMS | null = null;

  constructor(
    options: ExampleEditorOptions,
    parts: WidgetParts,
    store: EditsStore,
    slot: EditorSlot,
    originalHash: string,
  ) {
    this.#options = options;
    this.#parts = parts;
    this.#store = store;
    this.#slot = slot;
    this.id = options.id;
    this.original = options.original;
    this.#originalHash = originalHash;
    this.#saved = store.load(this.id);
    // Share links are rare: their codec loads only when the address has one (see `followLink`).
    const view = initialView(this.id, this.original, this.#saved, { kind: "none" });
    this.#state = view.state;
    this.#code = view.code;
    this.#ownState = ownStateOf(view);
    this.#baseHash = this.#baseFor(this.#ownState);
    this.render();
    if (view.notice) setNotice(parts, view.notice);
  }

  get state(): EditState | "conflict" {
    return this.#state;
  }

  /** The code the reader sees now (the open editor's, if any). */
  get code(): string {
    const editor = this.#slot.editor;
    return editor ? editor.getValue() : this.#code;
  }

  /** An edit made on an older original keeps that original's fingerprint until it is reset. */
  #baseFor(own: EditState): string {
    return own === "older-version" && this.#saved ? this.#saved.originalHash : this.#originalHash;
  }

  render(): void {
    const { root } = this.#options;
    const parts = this.#parts;
    root.dataset[parts.language === "python" ? "pyEditState" : "editState"] = this.#state;
    showMarks(parts, this.#state === "conflict" ? "" : MARK_TEXT[this.#state]);
    if (this.#slot.editor) return; // the editor shows the code itself
    const language = parts.language === "python" ? "Python" : "TypeScript";
    if (this.#code === this.original) showOriginal(parts);
    else
      showPlain(
        parts,
        this.#code,
        this.#state === "shared" ? `Shared ${language} code` : `Your edited ${language} code`,
      );
  }

  /** Saves now; says so once if the browser cannot keep the edit. */
  persist(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (this.#state === "original") this.#store.clear(this.id);
    else if (this.#state === "edited" || this.#state === "older-version") {
      const r = this.#store.save(this.id, this.#code, this.#baseHash);
      if (r.ok) this.#toldProblem = null;
      else if (this.#toldProblem !== r.reason) {
        this.#toldProblem = r.reason;
        this.#options.root.dataset["saveProblem"] = r.reason;
        setNotice(this.#parts, SAVE_PROBLEMS[r.reason]);
      }
    }
  }

  /** Saves now if a save is waiting (the page is being left). */
  flushPending(): void {
    if (this.#saveTimer !== undefined) this.persist();
  }

  /** The reader's code is now `next` (the editor's change event). */
  changed(next: string): void {
    if (next === this.#code) return;
    this.#code = next;
    delete this.#options.root.dataset["compileErrorLine"];
    if (this.#state === "conflict") {
      // Typing in their own code answers the question: they keep it.
      this.#state = this.#ownState;
      setNotice(this.#parts, "");
    }
    if (this.#state === "shared") this.#baseHash = this.#originalHash;
    this.#state = stateAfterChange(this.#code, this.original, this.#state);
    this.render();
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.persist(), SAVE_DELAY_MS);
  }

  reset(): void {
    if (this.code === this.original && this.#state === "original") {
      setNotice(this.#parts, "This example already shows its original code.");
      return;
    }
    const previous = { code: this.code, state: this.#state, baseHash: this.#baseHash };
    // Set the state first: the editor's change event must not save the original as an edit.
    this.#code = this.original;
    this.#state = "original";
    this.#baseHash = this.#originalHash;
    this.#slot.editor?.setValue(this.original);
    this.#slot.editor?.setMarkers([], "compile");
    this.#slot.editor?.setMarkers([], "runtime");
    // Shared code shown over a saved edit was never saved: Reset leaves that saved edit alone.
    if (previous.state === "edited" || previous.state === "older-version") this.persist();
    else clearTimeout(this.#saveTimer);
    this.render();
    this.#offerUndo(previous);
  }

  #offerUndo(previous: { code: string; state: EditState | "conflict"; baseHash: string }): void {
    clearTimeout(this.#undoTimer);
    const undo = () => {
      clearTimeout(this.#undoTimer);
      this.#code = previous.code;
      this.#state = previous.state;
      this.#baseHash = previous.baseHash;
      this.#slot.editor?.setValue(this.#code);
      this.persist();
      this.render();
      setNotice(this.#parts, "The edit is back.");
    };
    setNotice(this.#parts, "Reset to the original.", [
      { label: "Undo", action: "undo-reset", run: undo },
    ]);
    this.#undoTimer = setTimeout(() => setNotice(this.#parts, ""), this.#options.undoMs ?? 8000);
  }

  /** A share link in the address (at load or followed later). */
  onShareLink(link: ShareDecodeResult): void {
    const forThis = link.kind !== "none" && link.exampleId === this.id;
    if (!forThis) return;
    this.persist();
    this.#saved = this.#store.load(this.id);
    this.#apply(initialView(this.id, this.original, this.#saved, link));
    this.#options.root.scrollIntoView({ block: "start" });
  }

  /** Shows what a share link asks for; `v` comes from `initialView`. */
  #apply(v: InitialView): void {
    this.#state = v.state;
    this.#ownState = ownStateOf(v);
    this.#baseHash = this.#baseFor(this.#ownState);
    this.#code = v.code;
    this.#slot.editor?.setValue(this.#code);
    this.render();
    if (v.state === "conflict") this.#askAboutShared(v.sharedCode, v.notice);
    else setNotice(this.#parts, v.notice ?? "");
  }

  /** The reader has an edit of their own and a link brings other code: ask which to show. */
  #askAboutShared(sharedCode: string, question: string): void {
    const use = () => {
      // Shown, not saved: the saved edit is replaced only if the reader edits the shared code.
      this.#code = sharedCode;
      this.#state = "shared";
      this.#slot.editor?.setValue(sharedCode);
      this.render();
      setNotice(
        this.#parts,
        "Showing the shared code. It has not run. Editing it replaces your saved edit.",
      );
    };
    const keep = () => {
      this.#state = this.#ownState;
      this.render();
      setNotice(this.#parts, "Kept your edit.");
    };
    setNotice(this.#parts, question, [
      { label: "Show shared code", action: "use-shared", run: use },
      { label: "Keep my edit", action: "keep-mine", run: keep },
    ]);
  }

  dispose(): void {
    this.persist();
    clearTimeout(this.#undoTimer);
  }
}
