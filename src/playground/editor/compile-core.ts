/**
 * Compiling reader code with `readerBuildOptions`, for any esbuild: esbuild-wasm in the page
 * (`compiler.ts`) and native esbuild in node tests and build scripts. Both go through
 * `compileWith`, so a compile error reads the same everywhere: `main.ts:3:7: error: …`.
 *
 * Pure: no DOM and no esbuild import (the caller passes its `build`).
 */
import type { BuildOptions, Message } from "esbuild";
import { READER_FILE, readerBuildOptions } from "../../shared/compile-options.ts";
import { markTaskCreations } from "../../shared/task-marks.ts";

/** One compile error, at a 1-based line and UTF-16 column of `main.ts` (as editors count). */
export interface Diagnostic {
  line: number;
  column: number;
  /** 1-based end column on the same line (exclusive), at least `column + 1`. */
  endColumn: number;
  /** esbuild's text, e.g. `Expected ";" but found ")"`. */
  message: string;
  /** The readable form: `main.ts:3:7: error: Expected ";" but found ")"`. */
  text: string;
}

export type CompileResult =
  | { ok: true; code: string }
  | { ok: false; diagnostics: Diagnostic[]; message: string };

/** The part of esbuild's `build` this module needs (esbuild and esbuild-wasm both fit). */
export type BuildFunction = (
  options: BuildOptions & { write: false },
) => Promise<{ outputFiles?: { text: string }[] | undefined }>;

/** Compiles one reader program; never throws for errors in the program itself. */
export async function compileWith(build: BuildFunction, source: string): Promise<CompileResult> {
  try {
    const result = await build(readerBuildOptions(source));
    const code = result.outputFiles?.[0]?.text;
    if (code === undefined) return failed([internal("esbuild produced no output")]);
    return { ok: true, code: markTaskCreations(code) };
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      return failed((errors as Message[]).map(toDiagnostic));
    }
    return failed([internal(error instanceof Error ? error.message : String(error))]);
  }
}

function failed(diagnostics: Diagnostic[]): CompileResult {
  return { ok: false, diagnostics, message: diagnostics.map((d) => d.text).join("\n") };
}

function internal(message: string): Diagnostic {
  return { line: 1, column: 1, endColumn: 2, message, text: `${READER_FILE}: error: ${message}` };
}

/** esbuild counts columns in UTF-8 bytes from 0; editors and stack traces in UTF-16 units from 1. */
export function utf16Column(lineText: string, byteColumn: number): number {
  const bytes = new TextEncoder().encode(lineText);
  return new TextDecoder().decode(bytes.subarray(0, Math.max(0, byteColumn))).length + 1;
}

export function toDiagnostic(m: Message): Diagnostic {
  const loc = m.location;
  if (!loc) return internal(m.text);
  const column = utf16Column(loc.lineText, loc.column);
  const end = utf16Column(loc.lineText, loc.column + loc.length);
  const file = loc.file.endsWith(READER_FILE) ? READER_FILE : loc.file;
  return {
    line: loc.line,
    column,
    endColumn: Math.max(end, column + 1),
    message: m.text,
    text: `${file}:${loc.line}:${column}: error: ${m.text}`,
  };
}
