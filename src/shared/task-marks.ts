/**
 * Marks, in compiled reader code, what the program does with a task it creates, so the runtime
 * can say "Task exception was never retrieved" when CPython would (src/runtime/asyncio/unretrieved.ts):
 *
 *     asyncio.createTask(job);            dropped: only the loop holds the task
 *     asyncio.createTask(job).addDoneCallback(cb);   dropped too
 *     const t = asyncio.createTask(job);  local: the creating task's frame holds it
 *
 * Anything else is left as it is (kept). The marks use two globals the sandbox installs
 * (src/sandbox/globals.ts): `__asyncioTaskDropped.value = <statement>` reads a mark before the
 * statement runs and gives it the statement's value after, so the runtime knows which task the
 * statement made (none, for `asyncio.ensureFuture(oldTask);`); `__asyncioTaskLocal = [t, line];`
 * gives the declared task and where it was declared (a loop that runs the declaration again
 * rebinds it).
 *
 * It works on esbuild's output, not the reader's source: esbuild prints one statement per line,
 * each ending in `;`, `{` or `}`, so a statement is found by its line and the line before it.
 * The marks are written at the end of lines, so no position that the source map gives moves.
 */

/** The globals the marks assign to. */
export const TASK_MARKS = {
  dropped: "__asyncioTaskDropped",
  local: "__asyncioTaskLocal",
} as const;

// A call that creates a task: `asyncio.createTask(`, `(0, import_asyncio.createTask)(`,
// `loop.createTask(`, `asyncio.getRunningLoop().createTask(`, `asyncio.ensureFuture(`,
// `new asyncio.Task(`.
const NAME = String.raw`[\w$]+(?:\.[\w$]+)*`;
const CREATION = String.raw`(?:\(0, ${NAME}\.(?:createTask|ensureFuture)\)|${NAME}(?:\.getRunningLoop\(\))?\.(?:createTask|ensureFuture)|new ${NAME}\.Task)\(`;
const DROPPED_LINE = new RegExp(String.raw`^\s*(?:void )?${CREATION}`);
const LOCAL_LINE = new RegExp(String.raw`^\s*(?:const|let|var) ([\w$]+) = ${CREATION}.*;$`);

/** Does a statement start on the line after `prev` (the previous line of output)? */
function endsStatement(prev: string | undefined): boolean {
  if (prev === undefined) return true;
  const t = prev.trimEnd();
  if (t.trimStart().startsWith("//")) return false;
  const last = t[t.length - 1];
  return last === ";" || last === "{" || last === "}" || last === ":";
}

/**
 * esbuild's output for a reader program, with its task creations marked (see above).
 * @example
 * markTaskCreations("async function main() {\n  asyncio.createTask(job);\n}\n");
 * // "async function main() { __asyncioTaskDropped.value =\n  asyncio.createTask(job);\n}\n"
 */
export function markTaskCreations(js: string): string {
  const lines = js.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes("Task") && !line.includes("ensureFuture")) continue;
    if (!endsStatement(i > 0 ? lines[i - 1] : undefined)) continue;
    const local = LOCAL_LINE.exec(line);
    if (local) lines[i] = `${line} ${TASK_MARKS.local} = [${local[1]}, ${i + 1}];`;
    else if (DROPPED_LINE.test(line)) {
      // The mark goes at the end of the line before, so this line's columns stay as mapped.
      if (i === 0) lines[i] = `${TASK_MARKS.dropped}.value = ${line.replace(/^(\s*)void /, "$1")}`;
      else {
        lines[i - 1] = `${lines[i - 1]} ${TASK_MARKS.dropped}.value =`;
        lines[i] = line.replace(/^(\s*)void /, "$1     ");
      }
    }
  }
  return lines.join("\n");
}
