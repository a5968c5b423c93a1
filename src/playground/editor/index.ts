/**
 * The editor controller of one example widget: Edit, saved edits, Reset with undo, Share,
 * opening share links, and compiling edited code for Run. Always loaded with the widget, so
 * it stays small: Monaco (`monaco-editor.ts`) and esbuild-wasm (`compiler.ts`) are loaded
 * with `import()` only when the reader edits (`lazy.ts`), both at once on Edit, or a moment
 * before (the pointer on Edit, its focus, a press on the code).
 *
 * Run's budget after an edit is short (150 ms to the first line), so Run does little itself:
 * the code is compiled while the reader types (once the compiler is ready; one compile at a
 * time) and its types are checked when they pause; Run uses what is ready, waits for the type
 * check at most `TYPE_CHECK_WAIT_MS`, and reports errors found later when they arrive.
 *
 * The controller's parts: `controller.ts` (attaching it to a widget), `EditorSession` (the
 * code's state: showing, saving, typing, Reset and Undo, share links), `EditorSlot` (Monaco in
 * place of the code, Expand), `RunPreparation` (compiling and type checking for Run, error
 * marks), `sharing.ts` (Share).
 *
 * DOM contract, inside `section[data-example="<id>"]` (rendered by the widget):
 * - `[data-ts-code]` the highlighted TypeScript (click or Enter edits it);
 * - `[data-editor-host]` where the editor (or a plain view of an edit) goes, made after the
 *   code when first wanted (`editorHost` in edit-view.ts); a `p[data-editor-hint]` follows it;
 * - `button[data-action="edit"|"reset"|"share"]` (the controller handles their clicks); the
 *   controller adds `button[data-action="expand"]` when the editor opens, and
 *   `p[data-editor-loading]` ("Loading the editor…") while it loads;
 * - `[data-edit-marks]` gets the mark text ("edited", …), made beside the panel's label when
 *   there is first a mark to show; the section gets
 *   `data-edit-state="original|edited|older-version|shared|conflict"` and
 *   `data-editing="loading|open"`, and `data-expanded` while the editor is expanded;
 * - `[data-notice]` (role="status") gets a `span[data-edit-notice]` for this controller's
 *   messages and buttons (`data-action="undo-reset"|"use-shared"|"keep-mine"`);
 * - the Python panel, where there is one: `[data-py-code]` (its highlighted `main.py`),
 *   `[data-py-editor-host]` and `[data-py-edit-marks]` (made as the TypeScript's are), used as
 *   the TypeScript's; the section
 *   gets `data-py-edit-state` and `data-py-editing`, `data-py-error-line` (the line of
 *   `main.py` where the exception that ended the last Run Python was raised, until the next
 *   edit or Run Python), and the Python side's messages go to a `span[data-edit-notice="py"]`;
 * - the section gets `data-compile-error-line` / `data-type-error-line` /
 *   `data-runtime-error-line` (1-based line of the first error in the reader's code) while such
 *   an error is shown, `data-save-problem="full|unavailable"` when an edit cannot be saved, and
 *   `data-compiler="loading|ready"`, `data-language-service="ready"`, for styles, tests and
 *   the bench.
 */
export type { Diagnostic } from "./compile-core.ts";
export { attachExampleEditor } from "./controller.ts";
export type { ExampleEditor, ExampleEditorOptions } from "./controller-types.ts";
export type { EditState } from "./edit-state.ts";
export { preloadCompiler } from "./lazy.ts";
export type { PrepareStatus, ReaderError, RunPlan } from "./run-plan.ts";
export { mapPosition, type Position } from "./source-map.ts";
