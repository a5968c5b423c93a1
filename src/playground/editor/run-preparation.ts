/**
 * The controller's part in a Run: compiling the reader's code (esbuild-wasm, fetched by
 * `lazy.ts` on first use), marking compile errors, and mapping and marking runtime errors in the
 * reader's code.
 */
import type { CompileResult } from "./compile-core.ts";
import type { RunPlan } from "./controller-types.ts";
import { openEditor } from "./editor-opening.ts";
import type { EditorSession } from "./editor-session.ts";
import { loadCompiler } from "./lazy.ts";
import { mapPosition, type Position } from "./source-map.ts";

/** Compiles the edited code for Run (loading esbuild-wasm if needed). */
export async function prepareRun(s: EditorSession): Promise<RunPlan> {
  const { options } = s;
  if (s.editor) s.code = s.editor.getValue();
  if (s.code === s.original) return { kind: "original" };
  // Unchanged since the last compile (Run pressed again): no need to compile again.
  if (s.lastCompiled) return { kind: "compiled", code: s.lastCompiled };
  let result: CompileResult;
  try {
    const compiler = await loadCompiler();
    performance.mark("editor:compile-start");
    result = await compiler.compile(s.code);
    // For the bench and the browser's performance panel.
    performance.measure("editor:compile", "editor:compile-start");
    options.root.dataset["compiler"] = "ready";
  } catch (error) {
    const message = `The compiler could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
    return { kind: "compile-error", message, diagnostics: [] };
  }
  if (!result.ok) {
    s.editor?.setMarkers(result.diagnostics, "compile");
    const line = result.diagnostics[0]?.line;
    if (line !== undefined) options.root.dataset["compileErrorLine"] = String(line);
    const first = result.diagnostics[0];
    if (first && s.editor) s.editor.revealPosition(first.line, first.column);
    return { kind: "compile-error", message: result.message, diagnostics: result.diagnostics };
  }
  s.lastCompiled = result.code;
  s.editor?.setMarkers([], "compile");
  delete options.root.dataset["compileErrorLine"];
  return { kind: "compiled", code: result.code };
}

/** Maps a 1-based position in the last compiled code to the reader's code (null: not theirs). */
export function mapCompiledPosition(
  s: EditorSession,
  line: number,
  column: number,
): Position | null {
  return s.lastCompiled ? mapPosition(s.lastCompiled, line, column) : null;
}

/** Marks a runtime error at a 1-based position of the reader's code, and shows it. */
export function markRuntimeError(s: EditorSession, position: Position, message: string): void {
  s.options.root.dataset["runtimeErrorLine"] = String(position.line);
  const mark = () => {
    s.editor?.setMarkers(
      [
        {
          line: position.line,
          column: position.column,
          endColumn: position.column + 1,
          message,
          text: message,
        },
      ],
      "runtime",
    );
    s.editor?.revealPosition(position.line, position.column);
  };
  if (s.editor) mark();
  else void openEditor(s).then(mark, () => {});
}

export function clearRuntimeErrors(s: EditorSession): void {
  delete s.options.root.dataset["runtimeErrorLine"];
  s.editor?.setMarkers([], "runtime");
}
