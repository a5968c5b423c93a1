/**
 * A chapter's sections, linked: each h2/h3 becomes a link to itself (so a reader can copy a
 * section's address), and "On this page" marks the section being read (`aria-current`), the
 * last heading whose top has passed under the sticky header. Progressive: without scripts the
 * headings and the contents work as plain anchors.
 */
import { currentSection } from "./current-section.ts";

function linkHeadings(headings: readonly HTMLElement[]): void {
  for (const h of headings) {
    if (h.querySelector(":scope > a.heading-link")) continue;
    const a = document.createElement("a");
    a.className = "heading-link";
    a.href = `#${h.id}`;
    a.append(...h.childNodes);
    h.append(a);
  }
}

function followSections(headings: readonly HTMLElement[], toc: HTMLElement): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
    links.set(decodeURIComponent(a.hash.slice(1)), a);
  let shown: HTMLAnchorElement | undefined;
  let queued = false;
  const update = () => {
    queued = false;
    // Just under the sticky header: a heading there is the one being read.
    const line = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) + 8;
    const i = currentSection(
      headings.map((h) => h.getBoundingClientRect().top),
      line,
    );
    const link = links.get(headings[i]?.id ?? "");
    if (link === shown) return;
    shown?.removeAttribute("aria-current");
    link?.setAttribute("aria-current", "true");
    shown = link;
  };
  addEventListener(
    "scroll",
    () => {
      if (!queued) requestAnimationFrame(update);
      queued = true;
    },
    { passive: true },
  );
  update();
}

const headings = [...document.querySelectorAll<HTMLElement>(".prose :is(h2, h3)[id]")];
linkHeadings(headings);
const toc = document.querySelector<HTMLElement>("nav.toc");
if (toc && headings.length > 0) followSections(headings, toc);
