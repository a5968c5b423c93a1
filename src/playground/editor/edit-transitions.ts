/**
 * How the reader's actions move the controller's state (`edit-state.ts` decides the states):
 * typing (saved after a pause; the first keystroke starts the compiler), and Reset with its Undo.
 */
import { stateAfterChange } from "./edit-state.ts";
import { setNotice } from "./edit-view.ts";
import { type EditorSession, persist, render } from "./editor-session.ts";
import { preloadCompiler } from "./lazy.ts";

const SAVE_DELAY_MS = 400;

/** The reader's code is now `next` (the editor's change event). */
export function changed(s: EditorSession, next: string): void {
  if (next === s.code) return;
  const { options } = s;
  s.code = next;
  s.lastCompiled = null;
  delete options.root.dataset["compileErrorLine"];
  if (s.state === "conflict") {
    // Typing in their own code answers the question: they keep it.
    s.state = s.ownState;
    setNotice(s.parts, "");
  }
  if (s.state === "shared") s.baseHash = s.originalHash;
  s.state = stateAfterChange(s.code, s.original, s.state);
  render(s);
  clearTimeout(s.saveTimer);
  s.saveTimer = setTimeout(() => persist(s), SAVE_DELAY_MS);
  if (!s.compilerRequested) {
    s.compilerRequested = true;
    // Ready by the time the reader presses Run; a failure shows when they do.
    options.root.dataset["compiler"] = "loading";
    preloadCompiler().then(
      () => {
        options.root.dataset["compiler"] = "ready";
      },
      () => {
        delete options.root.dataset["compiler"];
      },
    );
  }
}

function offerUndo(
  s: EditorSession,
  previous: { code: string; state: EditorSession["state"]; baseHash: string },
): void {
  clearTimeout(s.undoTimer);
  const undo = () => {
    clearTimeout(s.undoTimer);
    s.code = previous.code;
    s.state = previous.state;
    s.baseHash = previous.baseHash;
    s.lastCompiled = null;
    s.editor?.setValue(s.code);
    persist(s);
    render(s);
    setNotice(s.parts, "The edit is back.");
  };
  setNotice(s.parts, "Reset to the original.", [
    { label: "Undo", action: "undo-reset", run: undo },
  ]);
  s.undoTimer = setTimeout(() => setNotice(s.parts, ""), s.options.undoMs ?? 8000);
}

export function reset(s: EditorSession): void {
  if (s.code === s.original && s.state === "original") {
    setNotice(s.parts, "This example already shows its original code.");
    return;
  }
  const previous = { code: s.code, state: s.state, baseHash: s.baseHash };
  // Set the state first: the editor's change event must not save the original as an edit.
  s.code = s.original;
  s.state = "original";
  s.baseHash = s.originalHash;
  s.lastCompiled = null;
  s.editor?.setValue(s.original);
  s.editor?.setMarkers([], "compile");
  s.editor?.setMarkers([], "runtime");
  // Shared code shown over a saved edit was never saved: Reset leaves that saved edit alone.
  if (previous.state === "edited" || previous.state === "older-version") persist(s);
  else clearTimeout(s.saveTimer);
  render(s);
  offerUndo(s, previous);
}
