/**
 * ADAPTER, TO DELETE AT MERGE. The editor's handle on this branch still has the old Run
 * contract (`prepareRun()` without statuses, errors as one message, `markRuntimeError(position,
 * message)`); the editor's own branch makes the handle implement `EditorPort` directly, and
 * then `attachEditor` returns `attachExampleEditor(...)` as it is and this file goes.
 */
import type { ExampleEditor } from "../editor/index.ts";
import type { EditorPort } from "./editor-port.ts";

export function adaptLegacyEditor(editor: ExampleEditor, root: HTMLElement): EditorPort {
  return {
    code: () => editor.code(),
    async prepareRun(onStatus) {
      if (editor.state !== "original") {
        onStatus?.(root.dataset.compiler === "ready" ? "compiling" : "loading-compiler");
      }
      const plan = await editor.prepareRun();
      if (plan.kind === "original") return plan;
      if (plan.kind === "compiled") return { ...plan, typeErrors: [] };
      const errors = plan.diagnostics.map((d) => ({
        text: d.text,
        where: { line: d.line, column: d.column },
      }));
      return {
        kind: "compile-error",
        errors: errors.length > 0 ? errors : [{ text: plan.message, where: null }],
      };
    },
    mapCompiledPosition: (line, column) => editor.mapCompiledPosition(line, column),
    markRuntimeError: (error) => {
      if (error.where) editor.markRuntimeError(error.where, error.text);
    },
    clearRuntimeErrors: () => editor.clearRuntimeErrors(),
  };
}
