/**
 * `attachExampleEditor`: builds one example's controller state, wires the widget's buttons, code
 * block, page events and share link to it, and hands back its `ExampleEditor` handle. The DOM
 * contract it relies on is described in `index.ts`.
 */
import type { ExampleEditor, ExampleEditorOptions } from "./controller-types.ts";
import { initialView } from "./edit-state.ts";
import { reset } from "./edit-transitions.ts";
import { clickOffset, findParts, setNotice, type WidgetParts } from "./edit-view.ts";
import { openEditor } from "./editor-opening.ts";
import { baseFor, type EditorSession, ownStateOf, persist, render } from "./editor-session.ts";
import { createEditsStore, type EditsStore, hashText } from "./edits-store.ts";
import {
  clearRuntimeErrors,
  mapCompiledPosition,
  markRuntimeError,
  prepareRun,
} from "./run-preparation.ts";
import type { ShareDecodeResult } from "./share-link.ts";
import { askAboutShared, loadShareLink, onShareHash, share } from "./sharing.ts";

/** Attaches the editor controller to one example widget. */
export function attachExampleEditor(options: ExampleEditorOptions): ExampleEditor {
  const parts: WidgetParts = findParts(options.root);
  const { id, original } = options;
  const originalHash = options.originalHash ?? hashText(original);
  const store: EditsStore = createEditsStore(options.storage);
  const saved = store.load(id);
  // Share links are rare: their codec (and lz-string) loads only when the address has one.
  const none: ShareDecodeResult = { kind: "none" };
  const view = initialView(id, original, saved, none);
  const ownState = ownStateOf(view);
  const s: EditorSession = {
    options,
    parts,
    id,
    original,
    originalHash,
    store,
    saved,
    state: view.state,
    code: view.code,
    ownState,
    baseHash: baseFor({ saved, originalHash }, ownState),
    editor: null,
    opening: null,
    lastCompiled: null,
    saveTimer: undefined,
    undoTimer: undefined,
    compilerRequested: false,
    cleanups: [],
  };
  const open = (cursorOffset?: number) => openEditor(s, cursorOffset);

  const listen = <K extends keyof HTMLElementEventMap>(
    el: HTMLElement | null,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ) => {
    if (!el) return;
    el.addEventListener(type, fn);
    s.cleanups.push(() => el.removeEventListener(type, fn));
  };

  // Wire the widget.
  if (!parts.tsCode.hasAttribute("tabindex")) parts.tsCode.tabIndex = 0;
  listen(parts.edit, "click", () => void open().catch(() => {}));
  listen(parts.reset, "click", () => reset(s));
  listen(parts.share, "click", () => void share(s));
  listen(parts.tsCode, "click", (e) => void open(clickOffset(parts.tsCode, e)).catch(() => {}));
  listen(parts.host, "click", (e) => {
    if (!s.editor && (e.target as Element).closest("[data-edited-code]"))
      void open().catch(() => {});
  });
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !s.editor) {
      e.preventDefault();
      void open().catch(() => {});
    }
  };
  listen(parts.tsCode, "keydown", onEnter);
  listen(parts.host, "keydown", onEnter);
  const onPageHide = () => {
    if (s.saveTimer !== undefined) persist(s);
  };
  window.addEventListener("pagehide", onPageHide);
  s.cleanups.push(() => window.removeEventListener("pagehide", onPageHide));

  const followLink = async () => {
    if (!location.hash.startsWith("#share=")) return;
    const { decodeShareHash } = await loadShareLink();
    onShareHash(s, decodeShareHash(location.hash));
  };
  const onHashChange = () => void followLink();
  window.addEventListener("hashchange", onHashChange);
  s.cleanups.push(() => window.removeEventListener("hashchange", onHashChange));

  render(s);
  if (view.state === "conflict") askAboutShared(s, view.sharedCode, view.notice);
  else if (view.notice) setNotice(parts, view.notice);
  void followLink();

  return {
    get state() {
      return s.state;
    },
    code: () => s.code,
    open,
    prepareRun: () => prepareRun(s),
    mapCompiledPosition: (line, column) => mapCompiledPosition(s, line, column),
    markRuntimeError: (position, message) => markRuntimeError(s, position, message),
    clearRuntimeErrors: () => clearRuntimeErrors(s),
    reset: () => reset(s),
    share: () => share(s),
    flush: () => persist(s),
    dispose() {
      persist(s);
      clearTimeout(s.undoTimer);
      for (const c of s.cleanups) c();
      s.editor?.dispose();
      s.editor = null;
    },
  };
}
