/**
 * Copying output as lines. An output line is drawn as a grid of three cells (stamp, task,
 * text), and the browser copies grid cells as separate lines; a reader who selects output and
 * copies it wants it as printed: one line per output line, `+1.000s  Task-2  Goodbye Alice`.
 */

/** The cells of one output line, as the clipboard gets them (empty cells left out). */
export function outputLineText(cells: readonly string[]): string {
  return cells.filter((c) => c !== "").join("  ");
}

/**
 * @example
 * copyText([["+0.000s", "Task-2", "Hello"], ["+1.000s", "Task-2", "Bye"]])
 * // "+0.000s  Task-2  Hello\n+1.000s  Task-2  Bye"
 */
export function copyText(lines: readonly (readonly string[])[]): string {
  return lines.map(outputLineText).join("\n");
}

const LINE = ".out-line";
const OUTPUT = ".out-lines, [data-output], .predict-transcript";

/**
 * Rewrites a copy made inside one output (CPython's, a run's, a Predict's transcript) into
 * whole lines; a copy that also holds prose, or stays inside one cell, is left to the browser.
 */
export function installLineCopy(doc: Document): void {
  doc.addEventListener("copy", (e) => {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !e.clipboardData)
      return;
    const range = selection.getRangeAt(0);
    const common = range.commonAncestorContainer;
    const within = (common instanceof Element ? common : common.parentElement)?.closest(
      `${OUTPUT}, ${LINE}`,
    );
    // Inside one line's cells, or outside any output: the browser's copy is right.
    if (!within || within.matches(LINE)) return;
    const lines = [...within.querySelectorAll(LINE)].filter((li) =>
      selection.containsNode(li, true),
    );
    if (lines.length === 0) return;
    const cells = lines.map((li) =>
      [...li.children].map((cell) => (cell.textContent ?? "").replace(/\n$/, "")),
    );
    e.clipboardData.setData("text/plain", copyText(cells));
    e.preventDefault();
  });
}
