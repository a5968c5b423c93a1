/**
 * The search dialog's behaviour, loaded the first time it opens (`search.ts` opens it): Pagefind's
 * own JS (`pagefind/pagefind.js`, made by the Pagefind CLI after the build) is imported at run
 * time from under the site's base path, results link to the sections they found, and the
 * keyboard moves through them.
 */
import { HIGHLIGHT_PARAM } from "./search.ts";

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

/** Sections shown under each page's title. */
const SECTIONS_PER_PAGE = 3;

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

/**
 * Wires the dialog once (the first time it opens) and searches what was typed meanwhile.
 */
export function initSearchDialog(base: string): void {
  const dialog = document.querySelector<HTMLDialogElement>("[data-search-dialog]");
  const input = document.querySelector<HTMLInputElement>("[data-search-input]");
  const list = document.querySelector<HTMLUListElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  if (!dialog || !input || !list || !status) return;
  void loadPagefind(base).catch(() => {
    status.textContent = "Search is not available on this build (run `npm run build` to index).";
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
  if (input.value.trim()) input.dispatchEvent(new Event("input"));
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
