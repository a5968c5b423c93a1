/**
 * `attachExampleEditor`: builds one example's editor parts (the code's state, the editor's slot,
 * Run's preparation), wires the widget's buttons, code block, page events and share link to
 * them, and hands back the `ExampleEditor` handle. The DOM contract it relies on is described
 * in `index.ts`. Where the widget has a Python panel, its Python is edited the same way
 * (`python-side.ts`): Edit opens both, Reset and Share take both.
 */
import "../../styles/editor.css";
import type { ExampleEditor, ExampleEditorOptions } from "./controller-types.ts";
import { clickOffset, findParts, shippedCode, type WidgetParts } from "./edit-view.ts";
import { EditorSession } from "./editor-session.ts";
import { EditorSlot } from "./editor-slot.ts";
import { createEditsStore, hashText } from "./edits-store.ts";
import { LazyRunPreparation } from "./lazy-run-preparation.ts";
import type { EditorHandle } from "./monaco-editor.ts";
import { pythonEditId } from "./python-links.ts";
import type { PythonSide } from "./python-side.ts";
import { loadShareLink, share } from "./sharing.ts";

/** Attaches the editor controller to one example widget. */
export function attachExampleEditor(options: ExampleEditorOptions): ExampleEditor {
  const parts: WidgetParts = findParts(options.root);
  // Code typed while the compiler was loading is compiled as soon as it is ready.
  const slot = new EditorSlot(options, parts, () => preparation.codeChanged());
  const store = createEditsStore(options.storage);
  const session = new EditorSession(
    options,
    parts,
    store,
    slot,
    options.originalHash ?? hashText(options.original),
  );
  const open = async (cursorOffset?: number): Promise<EditorHandle> => {
    const opened = slot.editor;
    const editor = await slot.open(
      () => session.code,
      (next) => {
        session.changed(next);
        preparation.codeChanged();
      },
      cursorOffset,
    );
    if (!opened) preparation.editorOpened(editor);
    return editor;
  };
  const preparation = new LazyRunPreparation({
    root: options.root,
    slot,
    original: options.original,
    code: () => session.code,
    parts,
  });
  const cleanups: (() => void)[] = [];
  const listen = <K extends keyof HTMLElementEventMap>(
    el: HTMLElement | null,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ) => {
    if (!el) return;
    el.addEventListener(type, fn);
    cleanups.push(() => el.removeEventListener(type, fn));
  };
  const listenToWindow = (type: "pagehide" | "hashchange", fn: () => void) => {
    window.addEventListener(type, fn);
    cleanups.push(() => window.removeEventListener(type, fn));
  };
  // The Python side loads when wanted: at once for a saved Python edit or a share link to this
  // example, else on the way to an editor (Edit, or the Python code pressed).
  const pyCode = options.root.querySelector<HTMLElement>("[data-py-code]");
  let python: PythonSide | null = null;
  let pythonLoading: Promise<PythonSide | null> | undefined;
  const loadPython = () => {
    if (!pyCode) return null;
    pythonLoading ??= import("./python-side.ts").then((m) => {
      python = m.attachPythonSide(options, listen);
      return python;
    });
    return pythonLoading;
  };
  const openPython = (focus: boolean, cursorOffset?: number) =>
    void loadPython()?.then((side) => side?.open(focus, cursorOffset));
  listen(pyCode, "click", (e) => openPython(true, pyCode ? clickOffset(pyCode, e) : undefined));
  listen(pyCode, "keydown", (e) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      openPython(true);
    }
  });
  if (store.load(pythonEditId(options.id)) || location.hash.startsWith(`#share=${options.id}:`))
    void loadPython();
  const edit = (cursorOffset?: number) => {
    void open(cursorOffset).catch(() => {});
    openPython(false);
  };
  const shareBoth = () => share(parts, session.id, session.code, python?.shared());
  const resetBoth = () => {
    // Each side resets what it changed; with nothing changed, the TypeScript side says so.
    const pythonChanged = python?.changed() ?? false;
    if (pythonChanged) python?.reset();
    if (!pythonChanged || session.code !== session.original || session.state !== "original")
      session.reset();
  };

  if (!parts.tsCode.hasAttribute("tabindex")) parts.tsCode.tabIndex = 0;
  // The pointer on Edit, or a press on the code: Edit is near, start its downloads.
  const prewarm = () => slot.prewarm();
  listen(parts.edit, "pointerenter", prewarm);
  listen(parts.edit, "pointerenter", () => void loadPython());
  listen(parts.edit, "focus", prewarm);
  listen(parts.tsCode, "pointerdown", prewarm);
  listen(parts.edit, "click", () => edit());
  listen(parts.reset, "click", resetBoth);
  listen(parts.share, "click", () => void shareBoth());
  listen(parts.tsCode, "click", (e) => edit(clickOffset(parts.tsCode, e)));
  // The plain view of an edit is in the editor's host, made when first wanted: heard from the
  // panel, so listening does not make it.
  const panel = parts.tsCode.closest<HTMLElement>(".code-panel");
  const inHost = (e: Event) => (e.target as Element).closest("[data-editor-host]") !== null;
  listen(panel, "click", (e) => {
    if (!slot.editor && inHost(e) && (e.target as Element).closest("[data-edited-code]")) edit();
  });
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !slot.editor) {
      e.preventDefault();
      edit();
    }
  };
  listen(parts.tsCode, "keydown", onEnter);
  // An edit runs through the compiler: the pointer on Run (or its focus) with an edit shown
  // starts it, so its compile is not on the run's way nor beside the run on the cores.
  const warmForRun = () => {
    if (session.code !== session.original) slot.warmCompiler();
  };
  const runButton = options.root.querySelector<HTMLElement>('button[data-action="run"]');
  listen(runButton, "pointerenter", warmForRun);
  listen(runButton, "focus", warmForRun);
  listen(panel, "keydown", (e) => {
    if (inHost(e)) onEnter(e);
  });
  listenToWindow("pagehide", () => {
    session.flushPending();
    python?.flushPending();
  });

  const followLink = async () => {
    if (!location.hash.startsWith("#share=")) return;
    const { decodeShareHash, linkForPython, linkForTypeScript } = await loadShareLink();
    const link = decodeShareHash(location.hash);
    session.onShareLink(linkForTypeScript(link, session.original));
    if (link.kind === "shared" && link.python !== undefined)
      (await loadPython())?.onShareLink(linkForPython(link, session.id));
    // A reader who follows a link to shared code is about to run it.
    if (link.kind !== "none" && link.exampleId === session.id) requestIdleCallback(warmForRun);
  };
  listenToWindow("hashchange", () => void followLink());
  void followLink();

  return {
    get state() {
      return session.state;
    },
    code: () => session.code,
    pythonCode: () => python?.code() ?? (pyCode && shippedCode(pyCode)),
    open: async (cursorOffset) => {
      await open(cursorOffset);
    },
    prepareRun: (onStatus) => preparation.prepareRun(onStatus),
    mapCompiledPosition: (line, column) => preparation.mapCompiledPosition(line, column),
    markRuntimeError: (error) => preparation.markRuntimeError(error),
    clearRuntimeErrors: () => preparation.clearRuntimeErrors(),
    // The Python side loads for it (no Monaco: the mark waits for the editor to open).
    markPythonError: (error, ran) => void loadPython()?.then((side) => side?.markError(error, ran)),
    // After a mark still on its way (promise callbacks run in order): a new run clears it.
    clearPythonErrors: () => void pythonLoading?.then((side) => side?.clearError()),
    reset: resetBoth,
    share: shareBoth,
    flush: () => {
      session.persist();
      python?.flush();
    },
    dispose() {
      session.dispose();
      python?.dispose();
      for (const c of cleanups) c();
      slot.dispose();
    },
  };
}
