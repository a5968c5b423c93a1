/**
 * Maps a position in compiled reader code back to the reader's `main.ts`, using the inline
 * source map that `readerBuildOptions` makes esbuild append (`sourcemap: "inline"`).
 *
 * Small on purpose (a VLQ decoder and a lookup), so the page needs no source-map library.
 * Pure: no DOM, runs in node and in a worker.
 */
import { READER_FILE } from "../../shared/reader-file.ts";

/** 1-based line and column, as in stack traces and editor markers. */
export interface Position {
  line: number;
  column: number;
}

interface RawSourceMap {
  version: number;
  sources: string[];
  mappings: string;
}

/** One decoded mapping: all 0-based, as in the source map format. */
interface Segment {
  generatedColumn: number;
  source: number;
  line: number;
  column: number;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));
const INLINE_MAP =
  /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/;

/** Decodes one mappings segment ("AAAA", "gBAAC", …) into its signed numbers. */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_VALUE.get(ch);
    if (digit === undefined) throw new Error(`Bad VLQ character ${JSON.stringify(ch)}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -((value - 1) / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error("Truncated VLQ segment");
  return values;
}

/** The source map inlined at the end of `compiledJs`, or null if it has none. */
export function readInlineSourceMap(compiledJs: string): RawSourceMap | null {
  const match = INLINE_MAP.exec(compiledJs);
  if (!match?.[1]) return null;
  try {
    const binary = atob(match[1]);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const map = JSON.parse(new TextDecoder().decode(bytes)) as Partial<RawSourceMap>;
    if (map.version !== 3 || !Array.isArray(map.sources) || typeof map.mappings !== "string") {
      return null;
    }
    return { version: 3, sources: map.sources.map(String), mappings: map.mappings };
  } catch {
    return null;
  }
}

/** The segments of one generated line (0-based), with absolute values. */
function segmentsOfLine(mappings: string, wantedLine: number): Segment[] {
  // Source, line and column are deltas across the whole map, so earlier lines must be read.
  let source = 0;
  let line = 0;
  let column = 0;
  const lines = mappings.split(";");
  const result: Segment[] = [];
  for (let l = 0; l <= wantedLine && l < lines.length; l++) {
    let generatedColumn = 0;
    const text = lines[l];
    if (!text) continue;
    for (const piece of text.split(",")) {
      if (piece === "") continue;
      const v = decodeVlq(piece);
      generatedColumn += v[0] ?? 0;
      if (v.length < 4) continue;
      source += v[1] ?? 0;
      line += v[2] ?? 0;
      column += v[3] ?? 0;
      if (l === wantedLine) result.push({ generatedColumn, source, line, column });
    }
  }
  return result;
}

function isReaderSource(name: string): boolean {
  return name === READER_FILE || name.endsWith(`/${READER_FILE}`);
}

/**
 * Where a position in compiled code came from in the reader's `main.ts`.
 *
 * @param compiledJs the module text that `compile` returned (with its inline source map)
 * @param line 1-based line in `compiledJs` (as in a stack trace)
 * @param column 1-based column in `compiledJs` (as in a stack trace)
 * @returns 1-based line and column in `main.ts`, or null when the position is in code esbuild
 *   added (module shims) or the map is missing or damaged.
 * @example mapPosition(code, 47, 9) // → { line: 4, column: 3 }
 */
export function mapPosition(compiledJs: string, line: number, column: number): Position | null {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return null;
  const map = readInlineSourceMap(compiledJs);
  if (!map) return null;
  let segments: Segment[];
  try {
    segments = segmentsOfLine(map.mappings, line - 1);
  } catch {
    return null;
  }
  if (segments.length === 0) return null;
  // The segment that starts at or before the column; a column before the first segment (leading
  // indentation) belongs to the line's first segment.
  const col0 = column - 1;
  let best = segments[0]!;
  for (const s of segments) {
    if (s.generatedColumn <= col0) best = s;
    else break;
  }
  const source = map.sources[best.source];
  if (source === undefined || !isReaderSource(source)) return null;
  return { line: best.line + 1, column: best.column + 1 };
}
