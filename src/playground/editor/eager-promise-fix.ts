/**
 * The editor's side of `eager-promise.ts`: a warning under each started promise passed as a task,
 * and a quick fix (Ctrl+. or the light bulb) that wraps it in a function: `() => job()`.
 */
import { findEagerPromises } from "./eager-promise.ts";
import { monaco } from "./monaco-setup.ts";

const OWNER = "eager-promise";
const CODE = "eager-promise";
const CHECK_DELAY_MS = 250;

/** The warning's text for a started promise `call` passed to `callee`. */
export function eagerPromiseMessage(call: string, callee: string): string {
  return (
    `${call} starts running now, in the caller, before ${callee} gets it: a JS async function ` +
    `starts when called, a Python coroutine does not. Pass a function, () => ${call}, so it ` +
    "starts as a task on the loop's next step, as in Python."
  );
}

let registered = false;

/** Once per page: the provider serves every TypeScript model. */
function registerQuickFix(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCodeActionProvider("typescript", {
    provideCodeActions(model, _range, context) {
      const actions = context.markers
        .filter((m) => m.code === CODE)
        .map((m): monaco.languages.CodeAction => {
          const range = new monaco.Range(
            m.startLineNumber,
            m.startColumn,
            m.endLineNumber,
            m.endColumn,
          );
          const call = model.getValueInRange(range);
          return {
            title: `Pass a function: () => ${call}`,
            kind: "quickfix",
            isPreferred: true,
            diagnostics: [m],
            edit: {
              edits: [
                {
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: { range, text: `() => ${call}` },
                },
              ],
            },
          };
        });
      return { actions, dispose() {} };
    },
  });
}

/** Marks started promises passed as tasks in `model`, now and as it changes. */
export function watchEagerPromises(model: monaco.editor.ITextModel): monaco.IDisposable {
  registerQuickFix();
  const check = () => {
    const markers = findEagerPromises(model.getValue()).map((p): monaco.editor.IMarkerData => {
      const start = model.getPositionAt(p.start);
      const end = model.getPositionAt(p.end);
      return {
        severity: monaco.MarkerSeverity.Warning,
        code: CODE,
        source: "asyncio",
        message: eagerPromiseMessage(p.call, p.callee),
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
    });
    monaco.editor.setModelMarkers(model, OWNER, markers);
  };
  check();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  });
  return {
    dispose() {
      clearTimeout(timer);
      listener.dispose();
    },
  };
}
