/**
 * Paints the colours that `src/lib/flat-code.ts` wrote beside each code block, with the CSS
 * Custom Highlight API: one `Highlight` per colour pair, ranges over each block's single text
 * node, so a chapter's code costs a few elements instead of thousands. All blocks at once: a
 * long chapter's few thousand ranges take a few milliseconds, and this file stays small (it is
 * part of what every chapter loads before the reader does anything).
 */
if ("highlights" in CSS) {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets.push(sheet);
  for (const code of document.querySelectorAll<HTMLElement>("code[data-hl]")) {
    const text = code.firstChild as Text;
    for (const group of code.dataset["hl"]?.split(" ") ?? []) {
      const [key = "", runs = ""] = group.split(":");
      const [light, dark] = key.split(".");
      const name = `c${light}${dark}`;
      let highlight = CSS.highlights.get(name);
      if (!highlight) {
        highlight = new Highlight();
        CSS.highlights.set(name, highlight);
        // With scripts running, ThemeInit has always set data-theme.
        sheet.insertRule(`::highlight(${name}){color:#${light}}`);
        sheet.insertRule(`[data-theme=dark] ::highlight(${name}){color:#${dark}}`);
      }
      for (const run of runs.split(",")) {
        const [start = 0, length = 0] = run.split("+").map(Number);
        const range = new Range();
        range.setStart(text, start);
        range.setEnd(text, start + length);
        highlight.add(range);
      }
    }
  }
}
