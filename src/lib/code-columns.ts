/**
 * How wide and how long an example's code is, measured at build time, so the page can lay the
 * example out before any script runs: the width decides how far the widget reaches past the
 * prose column and when Python and TypeScript stand side by side (`example.css` has one
 * threshold per bucket), the length decides whether a panel starts folded.
 */

/**
 * The column widths a panel is laid out for. A line longer than the last may scroll; any
 * shorter line never does. `example.css` has one side-by-side threshold per value.
 */
export const COLUMN_BUCKETS = [48, 56, 64, 72, 80, 88] as const;
export type ColumnBucket = (typeof COLUMN_BUCKETS)[number];

/** A panel longer than this many lines starts folded at FOLDED_LINES, with "Show all N lines". */
export const FOLD_OVER = 40;
export const FOLDED_LINES = 30;

function lines(source: string): string[] {
  return source.replace(/\s+$/, "").split("\n");
}

/** The longest line's length, tabs counted as four columns (as `tab-size` draws them). */
export function longestLine(...sources: (string | null)[]): number {
  let longest = 0;
  for (const source of sources) {
    if (source === null) continue;
    for (const line of lines(source)) {
      longest = Math.max(longest, [...line.replaceAll("\t", "    ")].length);
    }
  }
  return longest;
}

/**
 * The smallest bucket that holds `columns`, or the widest one.
 *
 * @example
 * columnBucket(61) // 64
 * columnBucket(112) // 88
 */
export function columnBucket(columns: number): ColumnBucket {
  return COLUMN_BUCKETS.find((b) => columns <= b) ?? 88;
}

/** The number of lines the highlighted source shows (trailing blank lines dropped). */
export function lineCount(source: string): number {
  return lines(source).length;
}

/** True when a panel of `count` lines starts folded. */
export function folds(count: number): boolean {
  return count > FOLD_OVER;
}
