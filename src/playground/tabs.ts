/**
 * On narrow screens the Python and TypeScript panels become tabs (WAI-ARIA tabs pattern); on
 * wide screens they stand side by side and the tab list is hidden.
 */
const NARROW = "(max-width: 60rem)";

export function initTabs(root: HTMLElement): void {
  const list = root.querySelector<HTMLElement>("[role=tablist]");
  const tabs = [...root.querySelectorAll<HTMLButtonElement>("[role=tab]")];
  if (!list || tabs.length === 0) return;
  const panels = tabs.map((t) =>
    root.querySelector<HTMLElement>(`#${CSS.escape(t.getAttribute("aria-controls") ?? "")}`),
  );
  const media = matchMedia(NARROW);

  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = panels[i];
      if (panel) {
        panel.toggleAttribute("data-inactive", media.matches && !on);
        if (media.matches) panel.setAttribute("role", "tabpanel");
        else panel.setAttribute("role", "region");
        if (media.matches) panel.setAttribute("aria-labelledby", tab.id);
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
  const apply = () => {
    list.hidden = !media.matches;
    select(current(), false);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(i, false));
    tab.addEventListener("keydown", (e) => {
      const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (delta) select((i + delta + tabs.length) % tabs.length, true);
    });
  });
  media.addEventListener("change", apply);
  apply();
}
