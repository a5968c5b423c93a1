/**
 * Opening the editor: Monaco is fetched (`lazy.ts`) the first time the reader edits, then takes
 * the place of the highlighted code at the same size, scroll position and cursor.
 */

import { changed } from "./edit-transitions.ts";
import { ensureHint, measure, setNotice } from "./edit-view.ts";
import type { EditorSession } from "./editor-session.ts";
import { loadEditor } from "./lazy.ts";

/** Opens the editor (loading Monaco); focuses it when it is already open. */
export async function openEditor(s: EditorSession, cursorOffset?: number): Promise<void> {
  if (s.editor) {
    s.editor.focus();
    return;
  }
  const { options, parts, id } = s;
  s.opening ??= (async () => {
    const visible = parts.host.hidden ? parts.tsCode : parts.host;
    const m = measure(visible);
    options.root.dataset["editing"] = "loading";
    parts.edit?.setAttribute("aria-busy", "true");
    try {
      const monaco = await loadEditor();
      parts.tsCode.hidden = true;
      parts.host.hidden = false;
      const hintId = ensureHint(parts, id);
      const editor = monaco.openEditor({
        host: parts.host,
        id,
        code: s.code,
        colorsOf: m.colors,
        dts: options.asyncioDts,
        font: m.font,
        minHeight: m.height,
        maxHeight: Math.max(m.height, window.innerHeight * 0.8),
        scrollTop: m.scrollTop,
        scrollLeft: m.scrollLeft,
        ...(cursorOffset !== undefined ? { cursorOffset } : {}),
        ariaLabel: `TypeScript code of example ${id}, editable`,
        describedBy: hintId,
        onChange: (next) => changed(s, next),
        onRun: options.requestRun,
        onEscape: () => (parts.edit ?? parts.host).focus(),
      });
      s.editor = editor;
      options.root.dataset["editing"] = "open";
      editor.languageReady.then(
        () => {
          options.root.dataset["languageService"] = "ready";
        },
        () => {},
      );
      parts.edit?.setAttribute("aria-pressed", "true");
      editor.focus();
    } catch (error) {
      delete options.root.dataset["editing"];
      setNotice(parts, "The editor could not be loaded. Reload the page to try again.");
      throw error;
    } finally {
      parts.edit?.removeAttribute("aria-busy");
      s.opening = null;
    }
  })();
  return s.opening;
}
