/**
 * A list the reader reorders by keyboard (focus a line, Alt+↑ / Alt+↓; ↑ / ↓ move the focus),
 * by its "Up" / "Down" buttons, or by dragging with a pointer. After every move the moved line
 * keeps the focus (or its button does) and a polite live region says where it went.
 */

export interface ReorderListOptions {
  /** Where moves are announced (a polite live region). */
  announcer: HTMLElement;
  /** The id of the element explaining the keys, for each line's aria-describedby. */
  helpId: string;
  /** Called after every move, with the lines' keys (`data-line`) in their new order. */
  onChange(order: string[]): void;
}

export class ReorderList {
  private dragging: { item: HTMLLIElement; pointer: number } | null = null;
  private readonly list: HTMLOListElement;
  private readonly options: ReorderListOptions;

  constructor(list: HTMLOListElement, options: ReorderListOptions) {
    this.list = list;
    this.options = options;
    for (const item of this.items()) this.enhance(item);
    this.refreshButtons();
    list.addEventListener("keydown", (e) => this.onKey(e));
    list.addEventListener("pointerdown", (e) => this.onPointerDown(e));
    list.addEventListener("pointermove", (e) => this.onPointerMove(e));
    list.addEventListener("pointerup", (e) => this.endDrag(e));
    list.addEventListener("pointercancel", (e) => this.endDrag(e));
  }

  items(): HTMLLIElement[] {
    return [...this.list.querySelectorAll<HTMLLIElement>(":scope > li")];
  }

  /** The lines' keys (`data-line`), in the order shown. */
  order(): string[] {
    return this.items().map((li) => li.dataset.line ?? "");
  }

  private textOf(item: HTMLLIElement): string {
    return item.querySelector(".predict-text")?.textContent ?? "";
  }

  private enhance(item: HTMLLIElement): void {
    item.tabIndex = 0;
    item.setAttribute("aria-describedby", this.options.helpId);
    item.setAttribute("aria-keyshortcuts", "Alt+ArrowUp Alt+ArrowDown");
    const text = this.textOf(item);
    const mark = item.querySelector("[data-mark]");
    for (const [dir, label] of [
      ["up", "Up"],
      ["down", "Down"],
    ] as const) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "predict-move";
      b.dataset.move = dir;
      b.textContent = `${dir === "up" ? "↑" : "↓"} ${label}`;
      b.setAttribute("aria-label", `Move “${text}” ${dir}`);
      b.addEventListener("click", () => this.move(item, dir === "up" ? -1 : 1, "button"));
      item.insertBefore(b, mark);
    }
  }

  private refreshButtons(): void {
    const items = this.items();
    items.forEach((item, i) => {
      const up = item.querySelector<HTMLButtonElement>('[data-move="up"]');
      const down = item.querySelector<HTMLButtonElement>('[data-move="down"]');
      if (up) up.disabled = i === 0;
      if (down) down.disabled = i === items.length - 1;
    });
  }

  /** Moves `item` by `delta` places; `via` decides what keeps the focus. */
  move(item: HTMLLIElement, delta: -1 | 1, via: "key" | "button"): void {
    const items = this.items();
    const from = items.indexOf(item);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= items.length) return;
    this.placeAt(item, to);
    if (via === "button") {
      const same = item.querySelector<HTMLButtonElement>(
        `[data-move="${delta < 0 ? "up" : "down"}"]`,
      );
      const other = item.querySelector<HTMLButtonElement>(
        `[data-move="${delta < 0 ? "down" : "up"}"]`,
      );
      (same && !same.disabled ? same : (other ?? item)).focus();
    } else {
      item.focus();
    }
    this.moved(item);
  }

  private placeAt(item: HTMLLIElement, index: number): void {
    const others = this.items().filter((li) => li !== item);
    this.list.insertBefore(item, others[index] ?? null);
    this.refreshButtons();
  }

  private moved(item: HTMLLIElement): void {
    const items = this.items();
    this.options.announcer.textContent = `“${this.textOf(item)}” moved to position ${items.indexOf(item) + 1} of ${items.length}.`;
    this.options.onChange(this.order());
  }

  private onKey(e: KeyboardEvent): void {
    const item = e.target as HTMLElement;
    if (!(item instanceof HTMLLIElement) || item.parentElement !== this.list) return;
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    const delta = e.key === "ArrowUp" ? -1 : 1;
    if (e.altKey) {
      this.move(item, delta, "key");
      return;
    }
    const items = this.items();
    items[items.indexOf(item) + delta]?.focus();
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    if (target.closest("button")) return;
    const item = target.closest("li");
    if (!item || item.parentElement !== this.list) return;
    // Touch drags start on the grip only, so the rest of the line still scrolls the page.
    if (e.pointerType !== "mouse" && !target.closest("[data-grip]")) return;
    e.preventDefault();
    item.focus();
    item.setPointerCapture(e.pointerId);
    item.dataset.dragging = "true";
    this.dragging = { item, pointer: e.pointerId };
  }

  private onPointerMove(e: PointerEvent): void {
    const drag = this.dragging;
    if (!drag || e.pointerId !== drag.pointer) return;
    const others = this.items().filter((li) => li !== drag.item);
    // The new place: before the first other line whose middle is below the pointer.
    let index = others.findIndex((li) => {
      const r = li.getBoundingClientRect();
      return e.clientY < r.top + r.height / 2;
    });
    if (index < 0) index = others.length;
    if (this.items().indexOf(drag.item) !== index) this.placeAt(drag.item, index);
  }

  private endDrag(e: PointerEvent): void {
    const drag = this.dragging;
    if (!drag || e.pointerId !== drag.pointer) return;
    this.dragging = null;
    delete drag.item.dataset.dragging;
    if (drag.item.hasPointerCapture(e.pointerId)) drag.item.releasePointerCapture(e.pointerId);
    this.moved(drag.item);
  }
}
