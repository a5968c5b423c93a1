/**
 * The state of one example's editor controller, shared by the files that make it up (edits,
 * sharing, opening Monaco, Run), and the two things every change ends with: showing the code
 * (`render`) and saving it (`persist`).
 */
import type { ExampleEditorOptions } from "./controller-types.ts";
import { type EditState, type InitialView, MARK_TEXT } from "./edit-state.ts";
import { setNotice, showOriginal, showPlain, type WidgetParts } from "./edit-view.ts";
import type { EditsStore, SavedEdit } from "./edits-store.ts";
import type { EditorHandle } from "./monaco-editor.ts";

export interface EditorSession {
  readonly options: ExampleEditorOptions;
  readonly parts: WidgetParts;
  readonly id: string;
  readonly original: string;
  readonly originalHash: string;
  readonly store: EditsStore;
  /** The reader's saved edit, as last loaded from the store. */
  saved: SavedEdit | null;
  state: EditState | "conflict";
  code: string;
  /** The reader's own state while a share-link question is open (see `askAboutShared`). */
  ownState: EditState;
  /** The fingerprint of the original the reader's code was edited from, saved with it. */
  baseHash: string;
  editor: EditorHandle | null;
  opening: Promise<void> | null;
  lastCompiled: string | null;
  saveTimer: ReturnType<typeof setTimeout> | undefined;
  undoTimer: ReturnType<typeof setTimeout> | undefined;
  compilerRequested: boolean;
  readonly cleanups: (() => void)[];
}

/** What the reader's own saved code is, behind whatever the view shows. */
export function ownStateOf(v: InitialView): EditState {
  if (v.state === "conflict") return v.ownState;
  return v.state === "shared" ? "original" : v.state;
}

/** An edit made on an older original keeps that original's fingerprint until it is reset. */
export function baseFor(s: Pick<EditorSession, "saved" | "originalHash">, own: EditState): string {
  return own === "older-version" && s.saved ? s.saved.originalHash : s.originalHash;
}

export function render(s: EditorSession): void {
  const { options, parts, state } = s;
  options.root.dataset["editState"] = state;
  if (parts.marks) parts.marks.textContent = state === "conflict" ? "" : MARK_TEXT[state];
  if (s.editor) return; // the editor shows the code itself
  if (s.code === s.original) showOriginal(parts);
  else
    showPlain(
      parts,
      s.code,
      state === "shared" ? "Shared TypeScript code" : "Your edited TypeScript code",
    );
}

export function persist(s: EditorSession): void {
  clearTimeout(s.saveTimer);
  s.saveTimer = undefined;
  if (s.state === "original") s.store.clear(s.id);
  else if (s.state === "edited" || s.state === "older-version") {
    const r = s.store.save(s.id, s.code, s.baseHash);
    if (!r.ok && r.reason === "full")
      setNotice(s.parts, "Your edit could not be saved: this browser's storage is full.");
  }
}
