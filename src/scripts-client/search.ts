/**
 * Search: the button and the shortcuts (`/`, Ctrl/Cmd+K) open the dialog at once and load its
 * behaviour (`search-dialog.ts`) the first time; a page opened from a result marks the words.
 * Only this part is in every page's JavaScript.
 */

/** The query parameter result links carry, so the page they open marks the words searched. */
export const HIGHLIGHT_PARAM = "highlight";

/**
 * Arriving from a result (`?highlight=…`): marks the words in the chapter's text with Pagefind's
 * highlighter (mark.js, loaded only then), after the browser has scrolled to the section.
 */
function highlightOnArrival(base: string): void {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  void import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`)
    .then((m: { default: new (o: object) => unknown }) => {
      new m.default({
        highlightParam: HIGHLIGHT_PARAM,
        addStyles: false,
        markOptions: {
          className: "search-hit",
          exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
        },
      });
      document.documentElement.dataset["searchHighlighted"] = "";
    })
    .catch(() => {
      // Marking the words is a nicety: the section is already in view.
    });
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function initSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>("[data-search-dialog]");
  const input = document.querySelector<HTMLInputElement>("[data-search-input]");
  if (!dialog || !input) return;
  const base = dialog.dataset["base"] ?? "/";
  let wired = false;
  const open = () => {
    if (!dialog.open) dialog.showModal();
    input.select();
    if (wired) return;
    wired = true;
    import("./search-dialog.ts").then(
      (m) => m.initSearchDialog(base),
      () => {
        wired = false; // the next open tries again
      },
    );
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-search-open]")) {
    button.hidden = false;
    button.addEventListener("click", open);
  }
  document.addEventListener("keydown", (e) => {
    const k = e.key.toLowerCase();
    if ((k === "k" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !isTyping(e.target))) {
      e.preventDefault();
      open();
    }
  });
  highlightOnArrival(base);
}
