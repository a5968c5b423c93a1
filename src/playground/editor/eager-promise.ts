/**
 * Finds started promises handed to the runtime where it expects a function: `createTask(job())`
 * is what a TypeScript reader naturally writes, but a JS `async` function starts when called, so
 * `job()` runs its body in the caller, before the task exists (Python's coroutine would wait).
 * The editor marks each one and offers to write `() => job()` instead.
 *
 * A syntactic check, pure and tested in node: it masks comments and strings, finds calls of
 * `asyncio.createTask`, `asyncio.ensureFuture`, `asyncio.gather` and `<name>.createTask`
 * (a TaskGroup), and reports each argument that is a plain call `f(…)` (`asyncio.…(…)` calls
 * excepted: the runtime's own functions return futures, not started promises).
 */

/** One argument that is a started promise: offsets into the code, end exclusive. */
export interface EagerPromise {
  start: number;
  end: number;
  /** The argument's text, e.g. `job(1)`. */
  call: string;
  /** The function it was passed to, e.g. `asyncio.createTask`. */
  callee: string;
}

const CALLS =
  /\b(asyncio\s*\.\s*(?:createTask|ensureFuture|gather)|[A-Za-z_$][\w$]*\s*\.\s*createTask)\s*\(/g;
const PLAIN_CALL = /^[A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*\s*(?:<[^()]*>)?\s*\(/;

/** The started promises passed as tasks in `code`. */
export function findEagerPromises(code: string): EagerPromise[] {
  const masked = maskCommentsAndStrings(code);
  const found: EagerPromise[] = [];
  for (const m of masked.matchAll(CALLS)) {
    const callee = m[1]!.replace(/\s+/g, "");
    const open = m.index + m[0].length - 1;
    const args = splitArguments(masked, open);
    const checked = callee === "asyncio.gather" ? args : args.slice(0, 1);
    for (const arg of checked) {
      const text = masked.slice(arg.start, arg.end);
      if (!isPlainCall(text) || /^asyncio\s*\./.test(text)) continue;
      found.push({ start: arg.start, end: arg.end, call: code.slice(arg.start, arg.end), callee });
    }
  }
  return found;
}

/** `text` is `f(…)` or `a.b(…)` and nothing after the closing parenthesis. */
function isPlainCall(text: string): boolean {
  const head = PLAIN_CALL.exec(text);
  if (!head) return false;
  return closing(text, head[0].length - 1) === text.length - 1;
}

/** The offset of the bracket that closes the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The top-level arguments of the call whose `(` is at `open`, trimmed; offsets into `masked`. */
function splitArguments(masked: string, open: number): { start: number; end: number }[] {
  const end = closing(masked, open);
  if (end < 0) return [];
  const args: { start: number; end: number }[] = [];
  let depth = 0;
  let from = open + 1;
  const push = (to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(masked[a]!)) a++;
    while (b > a && /\s/.test(masked[b - 1]!)) b--;
    if (b > a) args.push({ start: a, end: b });
  };
  for (let i = open + 1; i < end; i++) {
    const c = masked[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(end);
  return args;
}

/**
 * `code` with the insides of comments, strings and template literals replaced by spaces (same
 * length, so offsets stay valid), so brackets and names in them are not read as code.
 */
export function maskCommentsAndStrings(code: string): string {
  const out = code.split("");
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  while (i < code.length) {
    const c = code[i];
    if (c === "/" && code[i + 1] === "/") {
      const end = code.indexOf("\n", i);
      const to = end < 0 ? code.length : end;
      blank(i, to);
      i = to;
    } else if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      const to = end < 0 ? code.length : end + 2;
      blank(i, to);
      i = to;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < code.length && code[j] !== c) {
        if (code[j] === "\\") j++;
        else if (c !== "`" && code[j] === "\n") break;
        j++;
      }
      blank(i + 1, Math.min(j, code.length));
      i = j + 1;
    } else i++;
  }
  return out.join("");
}
