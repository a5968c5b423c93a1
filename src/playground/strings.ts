/**
 * Every sentence the example widget and the exercise check show a reader, in one table, so a
 * translation replaces one object and nothing else. `{name}` in a string is a parameter.
 */
const EN = {
  "run.placeholder": "Press Run to run the TypeScript version here.",
  "run.phase.loading-compiler": "Loading the compiler…",
  "run.phase.compiling": "Compiling…",
  "run.phase.type-checking": "Checking types…",
  "run.phase.starting": "Starting the run…",
  "run.phase.loading-python": "Loading Python…",
  "python.loading": "Loading Python ({mb} MB, once)… {percent}%",
  "python.failed": "Python could not be loaded: {error}",
  "python.version": "Python {version} (Pyodide)",
  "python.version-differs": "Run Python runs {running}; this is CPython {shown}'s output.",
  "compare.title": "TypeScript and Python, compared",
  "compare.same": "Same output: {count} lines.",
  "compare.differs": "Not the same: {count} of {total} lines differ (≠).",
  "compare.typescript": "TypeScript",
  "compare.python": "Python",
  "compare.nothing": "(nothing)",
  "run.phase.running": "Running…",
  "run.finished": "Finished in {seconds}",
  "run.failed": "Failed in {seconds}",
  "run.stopped": "Stopped",
  "run.timeout": "Timed out: {detail}",
  "run.closed": "Ended: {detail}",
  "run.compile-failed": "Failed: the code does not compile",
  "run.type-errors.one": "1 type error, ran anyway: {first}",
  "run.type-errors.many": "{count} type errors, ran anyway: {first}",
  "run.error.uncaught": "Uncaught {error}",
  "run.error.unhandled-rejection": "Unhandled rejection {error}",
  "run.error.raised-at": "raised at {where}",
  "run.omitted.one": "1 earlier line is not shown (the latest {shown} are)",
  "run.omitted.many": "{count} earlier lines are not shown (the latest {shown} are)",
  "verdict.same": "Same as Python ✓",
  "verdict.same-drift": "Same as Python ✓, timing drift ±{ms} ms",
  "verdict.differs":
    "Differs from Python at line {line}: Python printed {expected}; this run printed {actual}",
  "verdict.differs-version":
    "Differs from Python {version} at line {line}: Python {version} printed {expected}; this run printed {actual}.",
  "verdict.runtime-unchecked":
    "The TypeScript runtime follows the changes of Python {checked} and earlier; those of {version} it may not follow yet.",
  "verdict.nothing-more": "nothing more",
  "verdict.not-compared": "Not compared with Python: the run did not finish",
  "copy.done": "Copied the TypeScript code",
  "copy.failed": "Copy failed: the browser did not allow it",
  "fold.less": "Show fewer lines",
  "predict.empty":
    "Nothing to check yet: move a line into the order you expect, or guess the time.",
  "predict.retry": "Move the lines and check again, or show the answer.",
  "predict.check-again": "Check again",
  "predict.hidden": "CPython's output is hidden until you check your prediction above.",
  "predict.show": "Show the answer",
  "check.idle": "Run the program: a check then says whether it meets the goal.",
  "check.pending": "Running: the check follows when the program ends.",
  "check.not-compiled": "Not checked: the program did not compile; see the errors in the output.",
  "check.missing": "Check unavailable: exercise “{id}” has no check.ts.",
  "check.unloadable": "Check unavailable: its code could not be loaded.",
  "check.passed": "Check passed",
  "check.failed": "Check failed",
  "check.skipped": "Not checked",
  "check.error": "Check error",
  "check.stopped": "the run was stopped before it ended; run it to the end to check it",
  "check.threw": "the check itself failed ({error})",
} as const;

export type StringKey = keyof typeof EN;

/**
 * The reader-facing text for `key`, with `{name}` parameters filled in.
 * @example
 * t("run.finished", { seconds: "3.002s" }); // "Finished in 3.002s"
 */
export function t(key: StringKey, params: Readonly<Record<string, string | number>> = {}): string {
  return EN[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
