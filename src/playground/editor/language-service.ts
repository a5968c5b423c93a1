/**
 * TypeScript checking, completions and hovers in the editor. The language features are part of
 * the editor chunk (`monaco-setup.ts`), so the first editor of a page has them as every later one
 * does; their worker starts with the first TypeScript model.
 *
 * The `asyncio` declarations come from the runtime's sources at build time (the caller passes
 * their text); they are registered where TypeScript's node resolution finds `"asyncio"`, so the
 * reader's `import * as asyncio from "asyncio"` is typed and hovers show the runtime's JSDoc.
 * The sandbox's globals (`print`) get a small lib of their own.
 */
import {
  getTypeScriptWorker,
  type LanguageServiceDefaults,
  typescriptDefaults,
} from "monaco-editor/languages/features/typescript/register";
import { READER_FILE } from "../../shared/compile-options.ts";
import type { Diagnostic } from "./compile-core.ts";
import type { monaco } from "./monaco-setup.ts";

/** Where the `asyncio` declarations live in the language service's virtual file system. */
export const ASYNCIO_DTS_PATH = "file:///node_modules/asyncio/index.d.ts";
const AMBIENT_ASYNCIO_PATH = "file:///types/asyncio-ambient.d.ts";
const SANDBOX_GLOBALS_PATH = "file:///types/sandbox-globals.d.ts";

/** Globals the sandbox installs before it runs reader code. */
export const SANDBOX_GLOBALS_DTS = `/**
 * Prints its arguments like Python's \`print\`: separated by spaces, then a newline. The output
 * is stamped with the loop time and the current task's name.
 *
 * Python: \`print(*args)\`
 * @example print("Hello", name)  // Python: print("Hello", name)
 */
declare function print(...args: unknown[]): void;
`;

// Numbers from TypeScript's enums: the register module's enums are declared, not exported values.
const COMPILER_OPTIONS = {
  target: 9, // ES2022, as readerBuildOptions
  module: 99, // ESNext
  moduleResolution: 2, // node10: resolves "asyncio" to node_modules/asyncio/index.d.ts
  moduleDetection: 3, // force: every example is its own module, even without imports
  // The sandbox is a worker; reader code may use what Chromium runs: `await using`, Array.fromAsync.
  lib: [
    "lib.es2024.d.ts",
    "lib.esnext.disposable.d.ts",
    "lib.esnext.array.d.ts",
    "lib.webworker.d.ts",
  ],
  strict: true,
  noEmit: true,
  isolatedModules: true,
  allowNonTsExtensions: true,
  skipLibCheck: true,
};

let started: Promise<void> | null = null;

/**
 * Configures the language service once per page, with the `asyncio` declarations `dts`.
 * Call it before the first model is created, so its first check already knows `asyncio`.
 */
export function startLanguageService(dts: string | (() => Promise<string>)): Promise<void> {
  if (!started) {
    typescriptDefaults.setCompilerOptions(COMPILER_OPTIONS);
    typescriptDefaults.setDiagnosticsOptions({
      noSemanticValidation: false,
      noSyntaxValidation: false,
    });
    typescriptDefaults.setEagerModelSync(true);
    started = (async () => {
      configure(typescriptDefaults, typeof dts === "string" ? dts : await dts());
    })().catch((error: unknown) => {
      started = null;
      throw error;
    });
  }
  return started;
}

function configure(defaults: LanguageServiceDefaults, asyncioDts: string): void {
  const ambient = /declare\s+module\s+["']asyncio["']/.test(asyncioDts);
  defaults.setExtraLibs([
    { content: asyncioDts, filePath: ambient ? AMBIENT_ASYNCIO_PATH : ASYNCIO_DTS_PATH },
    { content: SANDBOX_GLOBALS_DTS, filePath: SANDBOX_GLOBALS_PATH },
  ]);
}

/** How long to wait for Monaco to set up its TypeScript mode (seconds on a busy machine). */
const SETUP_TRIES = 300;
const SETUP_RETRY_MS = 100;

/**
 * The language service's worker for `model`. Monaco sets up its TypeScript mode after the first
 * TypeScript model is used, asynchronously: asked before that, it answers "TypeScript not
 * registered!" (which happened when the `asyncio` declarations came early); ask again shortly.
 */
async function workerFor(model: monaco.editor.ITextModel) {
  for (let tries = 1; ; tries++) {
    try {
      return await (await getTypeScriptWorker())(model.uri);
    } catch (error) {
      if (!String(error).includes("not registered") || tries >= SETUP_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, SETUP_RETRY_MS));
    }
  }
}

/** Resolves when the language service's worker answers for `model`. */
export async function serviceReady(model: monaco.editor.ITextModel): Promise<void> {
  await started;
  await workerFor(model);
}

/**
 * The type errors TypeScript finds in `model` now (syntactic and semantic), as the worker
 * reports them: the same ones the editor underlines.
 */
export async function typeErrorsOf(model: monaco.editor.ITextModel): Promise<Diagnostic[]> {
  await started;
  const worker = await workerFor(model);
  const uri = model.uri.toString();
  const found = [
    ...(await worker.getSyntacticDiagnostics(uri)),
    ...(await worker.getSemanticDiagnostics(uri)),
  ];
  return found
    .filter((d) => d.category === 1 && d.start !== undefined) // 1: Error
    .map((d) => {
      const start = model.getPositionAt(d.start ?? 0);
      const end = model.getPositionAt((d.start ?? 0) + (d.length ?? 1));
      const message = flatten(d.messageText);
      const sameLine = end.lineNumber === start.lineNumber;
      return {
        line: start.lineNumber,
        column: start.column,
        endColumn: Math.max(
          sameLine ? end.column : model.getLineMaxColumn(start.lineNumber),
          start.column + 1,
        ),
        message,
        text: `${READER_FILE}:${start.lineNumber}:${start.column}: error: ${message}`,
      };
    });
}

type MessageChain = string | { messageText: string; next?: MessageChain[] };

/** TypeScript's message chains, as one line (the outermost message first). */
function flatten(m: MessageChain): string {
  if (typeof m === "string") return m;
  const next = m.next?.map(flatten).join(" ") ?? "";
  return next ? `${m.messageText} ${next}` : m.messageText;
}
