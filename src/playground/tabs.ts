/**
 * Python and TypeScript as tabs (WAI-ARIA tabs pattern) when the example is too narrow for
 * both, side by side when both fit. The CSS decides which (example-width.css, from the
 * example's widest line and the viewport), by showing or hiding the tab list; this follows it,
 * so the panels' roles and the hidden panel always match what is drawn.
 */
export function initTabs(root: HTMLElement): void {
  const list = root.querySelector<HTMLElement>("[role=tablist]");
  const tabs = [...root.querySelectorAll<HTMLButtonElement>("[role=tab]")];
  if (!list || tabs.length === 0) return;
  const panels = tabs.map((t) =>
    root.querySelector<HTMLElement>(`#${CSS.escape(t.getAttribute("aria-controls") ?? "")}`),
  );
  list.hidden = false;
  let asTabs = false;

  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = panels[i];
      if (panel) {
        // Always marked, so switching to tabs shows the right one; the CSS ignores the
        // mark when both panels stand side by side.
        panel.toggleAttribute("data-inactive", !on);
        panel.setAttribute("role", asTabs ? "tabpanel" : "region");
        if (asTabs) panel.setAttribute("aria-labelledby", tab.id);
        else panel.removeAttribute("aria-labelledby");
      }
      if (on && focus) tab.focus();
    });
  };
  const current = () =>
    Math.max(
      0,
      tabs.findIndex((t) => t.getAttribute("aria-selected") === "true"),
    );
  const follow = () => {
    const now = getComputedStyle(list).display !== "none";
    if (now === asTabs && root.dataset["codeLayout"]) return;
    asTabs = now;
    root.dataset["codeLayout"] = asTabs ? "tabs" : "side-by-side";
    select(current(), false);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(i, false));
    tab.addEventListener("keydown", (e) => {
      const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (delta) select((i + delta + tabs.length) % tabs.length, true);
    });
  });
  // The layout only changes when the example's width does (its width follows the viewport).
  new ResizeObserver(follow).observe(root);
  follow();
  // The TypeScript tab shows whenever the editor is at work on it: editing, a kept edit, or a
  // share link naming this example (the prefix is share-link.ts's SHARE_PREFIX, not imported:
  // that module brings lz-string, which only a share link may load).
  const editorTab = panels.findIndex((p) => p?.querySelector("[data-ts-code]"));
  const id = root.dataset["example"] ?? "";
  const showEditor = () => {
    const busy =
      root.dataset["editing"] !== undefined ||
      root.dataset["editState"] === "edited" ||
      location.hash.startsWith(`#share=${id}:`);
    if (busy && editorTab >= 0 && current() !== editorTab) select(editorTab, false);
  };
  new MutationObserver(showEditor).observe(root, {
    attributes: true,
    attributeFilter: ["data-editing", "data-edit-state"],
  });
  addEventListener("hashchange", showEditor);
  showEditor();
}
