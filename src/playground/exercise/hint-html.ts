/** A hint's text as HTML: everything escaped, and `code` in backticks as <code>. Pure; build time. */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * @example
 * hintHtml("Wrap each call in `asyncio.createTask(...)` <first>")
 * // "Wrap each call in <code>asyncio.createTask(...)</code> &lt;first&gt;"
 */
export function hintHtml(hint: string): string {
  return hint
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith("`") && part.endsWith("`")
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : escapeHtml(part),
    )
    .join("");
}
