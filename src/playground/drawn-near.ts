/**
 * Markup drawn when it comes near, so a long chapter's DOM stays small before interaction: a
 * `<noscript data-draw-near>` holds it (a reader without JavaScript sees it where it stands;
 * with JavaScript it is one inert element), and it becomes elements once its parent comes
 * within `margin` of the viewport. Its parent then gets a `drawn` event (bubbling), so what
 * styles the drawn elements (the version switch) can do it again.
 */
import { whenNear } from "./runner/when-near.ts";

/** The event a drawn noscript's parent receives. */
export const DRAWN_EVENT = "asyncio-live:drawn";

/** More than a screen ahead: the reader scrolling at reading speed never sees it being drawn. */
const NEAR = "1000px 0px";

/** Draws one noscript's markup in its place (at once); a no-op once drawn. */
export function drawNow(holder: HTMLElement): void {
  const parent = holder.parentElement;
  if (!parent || !holder.isConnected) return;
  const template = document.createElement("template");
  // With scripting on, a noscript's content is its markup as text: the build's own HTML.
  template.innerHTML = holder.textContent ?? "";
  holder.replaceWith(template.content);
  parent.dispatchEvent(new Event(DRAWN_EVENT, { bubbles: true }));
}

/**
 * Draws each `noscript[data-draw-near]` under `root` when its parent comes near the viewport.
 * @example
 * drawWhenNear(document); // outputs and answers below the fold wait until scrolled near
 */
export function drawWhenNear(root: ParentNode): void {
  for (const holder of root.querySelectorAll<HTMLElement>("noscript[data-draw-near]")) {
    const parent = holder.parentElement;
    if (parent) whenNear([parent], NEAR, () => drawNow(holder));
  }
}
