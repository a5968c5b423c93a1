/**
 * Progress on a chapter page: ticks the chapters read in the sidebar, and records this chapter
 * once its end (the previous/next links) comes into view, each Predict once its answer shows
 * (`data-answer-seen` on `section[data-predict]`) and each exercise once its check passes
 * (`data-state="passed"` in `section[data-exercise]`). It watches those attributes rather than
 * importing the widgets: they are lazy islands, and progress must not load them. The store
 * itself (`progress-store.ts`) loads only when there is something to record: this part is in
 * every chapter's JavaScript before interaction, which has a budget.
 */
import { PROGRESS_KEY } from "./progress-key.ts";
import type { ProgressKind } from "./progress-store.ts";

/** The chapter id a link to a chapter page names (`…/chapters/<id>/`). */
export function chapterOf(href: string): string | null {
  return /\/chapters\/([^/]+)\/?$/.exec(new URL(href, location.href).pathname)?.[1] ?? null;
}

/** The chapters read, as far as the record says (anything unexpected reads as nothing). */
function chaptersRead(): Record<string, unknown> {
  try {
    const read = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? "{}")?.read;
    return typeof read === "object" && read !== null ? read : {};
  } catch {
    return {};
  }
}

/** Marks the links to chapters read: `data-read`, and words for screen readers. */
export function tickChaptersRead(links: Iterable<HTMLAnchorElement>): void {
  const read = chaptersRead();
  for (const a of links) {
    const id = chapterOf(a.href);
    if (!id || typeof read[id] !== "string" || a.dataset["read"] !== undefined) continue;
    a.dataset["read"] = "";
    const said = document.createElement("span");
    said.className = "visually-hidden";
    said.textContent = " (read)";
    a.append(said);
  }
}

export function initChapterProgress(): void {
  const sidebar = () => document.querySelectorAll<HTMLAnchorElement>("nav.sidebar a[href]");
  tickChaptersRead(sidebar());
  const record = (kind: ProgressKind, id: string | undefined) => {
    if (!id) return;
    void import("./progress-store.ts").then(({ ProgressStore }) => {
      ProgressStore.local().mark(kind, id);
      if (kind === "read") tickChaptersRead(sidebar());
    });
  };
  const chapter = document.querySelector<HTMLElement>("main[data-chapter]")?.dataset["chapter"];
  const end = document.querySelector(".prev-next");
  if (chapter && end) {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      record("read", chapter);
    });
    seen.observe(end);
  }
  new MutationObserver((changes) => {
    for (const c of changes) {
      const el = c.target as HTMLElement;
      if (c.attributeName === "data-answer-seen") record("predicts", el.dataset["predict"]);
      else if (el.dataset["state"] === "passed")
        record("exercises", el.closest<HTMLElement>("[data-exercise]")?.dataset["exercise"]);
    }
  }).observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-answer-seen", "data-state"],
  });
}
