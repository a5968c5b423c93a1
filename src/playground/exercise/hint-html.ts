/**
 * A hint's text as HTML: everything escaped, `code` in backticks as <code>, and *words* between
 * single asterisks (outside code) as <em>, the two bits of Markdown hints use. Pure; build time.
 */

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

/** `*word*` as <em>word</em>; a lone asterisk, or one next to a space inside, stays text. */
function emphasis(html: string): string {
  return html.replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, "<em>$1</em>");
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
        : emphasis(escapeHtml(part)),
    )
    .join("");
}
