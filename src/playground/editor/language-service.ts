/**
 * TypeScript checking, completions and hovers in the editor, started when the page is idle
 * after the first editor shows (the language service and its worker are the heaviest part).
 *
 * The `asyncio` declarations come from the runtime's sources at build time (the caller passes
 * their text); they are registered where TypeScript's node resolution finds `"asyncio"`, so the
 * reader's `import * as asyncio from "asyncio"` is typed and hovers show the runtime's JSDoc.
 * The sandbox's globals (`print`) get a small lib of their own.
 */
import type { LanguageServiceDefaults } from "monaco-editor/languages/features/typescript/register";
import { monaco } from "./monaco-setup.ts";

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
 * Starts the language service once per page, with the `asyncio` declarations `dts`. Models
 * with language "typescript" already open get checked as soon as it is ready.
 */
export function startLanguageService(dts: string | (() => Promise<string>)): Promise<void> {
  started ??= (async () => {
    const text = typeof dts === "string" ? dts : await dts();
    const ts = await import("monaco-editor/languages/features/typescript/register");
    configure(ts.typescriptDefaults, text);
    // The register module starts its mode when a "typescript" model first appears. That moment
    // has passed (the editor shows before this runs, for speed), so start the mode by hand.
    const alreadyOpen = monaco.editor.getModels().some((m) => m.getLanguageId() === "typescript");
    if (alreadyOpen) {
      const mode = await import("monaco-editor/languages/features/typescript/tsMode");
      mode.setupTypeScript(ts.typescriptDefaults);
    }
  })().catch((error: unknown) => {
    started = null;
    throw error;
  });
  return started;
}

function configure(defaults: LanguageServiceDefaults, asyncioDts: string): void {
  defaults.setCompilerOptions(COMPILER_OPTIONS);
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  defaults.setEagerModelSync(true);
  const ambient = /declare\s+module\s+["']asyncio["']/.test(asyncioDts);
  defaults.setExtraLibs([
    { content: asyncioDts, filePath: ambient ? AMBIENT_ASYNCIO_PATH : ASYNCIO_DTS_PATH },
    { content: SANDBOX_GLOBALS_DTS, filePath: SANDBOX_GLOBALS_PATH },
  ]);
}
