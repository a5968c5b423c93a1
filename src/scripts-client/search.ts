/**
 * The search dialog. Pagefind's own JS (`pagefind/pagefind.js`, made by the Pagefind CLI
 * after the build) is imported at run time from under the site's base path, only on first open.
 */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(o: { baseUrl: string; highlightParam: string }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | null = null;

/** The query parameter result links carry, so the page they open marks the words searched. */
const HIGHLIGHT_PARAM = "highlight";
/** Sections shown under each page's title. */
const SECTIONS_PER_PAGE = 3;

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

function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const mod = (await import(/* @vite-ignore */ url)) as Pagefind;
    await mod.options({ baseUrl: base, highlightParam: HIGHLIGHT_PARAM });
    return mod;
  })();
  return pagefind;
}

/** Pagefind's excerpt is our own text with `<mark>` around hits; rebuild it as nodes, not HTML. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/<mark>|<\/mark>/);
  parts.forEach((part, i) => {
    const text = document.createTextNode(
      part.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => {
        return { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" }[e] ?? "";
      }),
    );
    if (i % 2 === 1) {
      const mark = document.createElement("mark");
      mark.append(text);
      nodes.push(mark);
    } else nodes.push(text);
  });
  return nodes;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function initSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>("[data-search-dialog]");
  const input = document.querySelector<HTMLInputElement>("[data-search-input]");
  const list = document.querySelector<HTMLUListElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  if (!dialog || !input || !list || !status) return;
  const base = dialog.dataset.base ?? "/";

  const open = () => {
    if (!dialog.open) dialog.showModal();
    input.select();
    void loadPagefind(base).catch(() => {
      status.textContent = "Search is not available on this build (run `npm run build` to index).";
    });
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
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) dialog.close();
  });

  let generation = 0;
  input.addEventListener("input", async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    const pf = await loadPagefind(base);
    const search = await pf.search(query);
    const data = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
    if (mine !== generation) return;
    status.textContent = data.length
      ? `${data.length} result${data.length === 1 ? "" : "s"}`
      : "No results";
    list.replaceChildren(...data.map(resultItem));
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      list.querySelector("a")?.click();
    } else if (e.key === "Escape") {
      // A search box's own Escape only clears it: one press closes the dialog.
      e.preventDefault();
      dialog.close();
    }
  });
  dialog.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const stops = [input, ...list.querySelectorAll<HTMLAnchorElement>("a")];
    const at = stops.indexOf(document.activeElement as HTMLInputElement);
    const next = at + (e.key === "ArrowDown" ? 1 : -1);
    if (at < 0 || next < 0 || next >= stops.length) return;
    e.preventDefault();
    stops[next]?.focus();
  });
  highlightOnArrival(base);
}

/** One page's result: its title and excerpt, then its best sections, each linking to its heading. */
function resultItem(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement("li");
  const link = (href: string, title: string, excerpt: string, cls: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.className = cls;
    const strong = document.createElement("strong");
    strong.textContent = title;
    const span = document.createElement("span");
    span.append(...excerptNodes(excerpt));
    a.append(strong, span);
    return a;
  };
  const title = d.meta.title ?? d.url;
  // Pagefind's first sub-result without an anchor is the page's top: the page link covers it.
  const sections = (d.sub_results ?? [])
    .filter((r) => r.url.includes("#"))
    .slice(0, SECTIONS_PER_PAGE);
  li.append(link(d.url, title, sections.length ? "" : d.excerpt, "search-page"));
  if (sections.length) {
    const ul = document.createElement("ul");
    for (const r of sections) {
      const item = document.createElement("li");
      item.append(link(r.url, r.title, r.excerpt, "search-section"));
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}
