/**
 * The search dialog. Pagefind's own JS (`pagefind/pagefind.js`, made by the Pagefind CLI
 * after the build) is imported at run time from under the site's base path, only on first open.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(o: { baseUrl: string }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | null = null;

function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const mod = (await import(/* @vite-ignore */ url)) as Pagefind;
    await mod.options({ baseUrl: base });
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
    const pf = await loadPagefind(base);
    const search = await pf.search(query);
    const data = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
    if (mine !== generation) return;
    status.textContent = data.length
      ? `${data.length} result${data.length === 1 ? "" : "s"}`
      : "No results";
    list.replaceChildren(
      ...data.map((d) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = d.url;
        const title = document.createElement("strong");
        title.textContent = d.meta.title ?? d.url;
        const excerpt = document.createElement("span");
        excerpt.append(...excerptNodes(d.excerpt));
        a.append(title, excerpt);
        li.append(a);
        return li;
      }),
    );
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      list.querySelector("a")?.click();
    }
  });
}
