/**
 * The DOM side of the editor controller, kept apart from its state logic: finding the
 * widget's parts, the plain view of an edit (before Monaco loads), marks, notices, and
 * measuring the highlighted block so the editor takes its place exactly.
 *
 * All text goes in as text (`textContent`), never as HTML: shared code is untrusted.
 */

/** Which of the example's two programs a set of parts shows. */
export type CodeLanguage = "typescript" | "python";

/** The parts of one example widget this controller uses (see the DOM contract in index.ts). */
export interface WidgetParts {
  root: HTMLElement;
  language: CodeLanguage;
  /** The highlighted code the site ships (its TypeScript, or its Python for `python`). */
  tsCode: HTMLElement;
  /** How this side's messages are said (the Python side names itself). */
  say?: (text: string) => string;
  host: HTMLElement;
  edit: HTMLButtonElement | null;
  reset: HTMLButtonElement | null;
  share: HTMLButtonElement | null;
  marks: HTMLElement | null;
  notice: HTMLElement | null;
}

const HOST_ATTRIBUTE = { typescript: "data-editor-host", python: "data-py-editor-host" } as const;

/**
 * Where a side's editor (or the plain view of its edit) goes, made the first time it is wanted
 * rather than in every example's HTML (an element each, read before interaction): after the
 * side's code, or its fold.
 */
export function editorHost(
  root: HTMLElement,
  code: HTMLElement,
  language: CodeLanguage,
): HTMLElement {
  const found = hostIfMade(root, language);
  if (found) return found;
  const host = document.createElement("div");
  host.className = language === "python" ? "ts-editor py-editor" : "ts-editor";
  host.setAttribute(HOST_ATTRIBUTE[language], "");
  host.hidden = true;
  (code.closest(".code-fold") ?? code).after(host);
  return host;
}

/** The side's editor host if it was made (reading `parts.host` would make it). */
function hostIfMade(root: HTMLElement, language: CodeLanguage): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE[language]}]`);
}

export function findParts(root: HTMLElement): WidgetParts {
  const tsCode = root.querySelector<HTMLElement>("[data-ts-code]");
  if (!tsCode) throw new Error("Example widget lacks [data-ts-code]");
  const button = (action: string) =>
    root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  return {
    root,
    language: "typescript",
    tsCode,
    get host() {
      return editorHost(root, tsCode, "typescript");
    },
    edit: button("edit"),
    reset: button("reset"),
    share: button("share"),
    marks: root.querySelector<HTMLElement>("[data-edit-marks]"),
    notice: root.querySelector<HTMLElement>("[data-notice]"),
  };
}

/**
 * Shows the side's mark ("edited", …) beside its panel's label, making the mark the first time
 * there is one to show: an empty mark in every example's HTML was an element each before
 * interaction.
 */
export function showMarks(parts: WidgetParts, text: string): void {
  if (!parts.marks && text) {
    const label = parts.tsCode.closest(".code-panel")?.querySelector(".panel-label");
    if (label) {
      const marks = document.createElement("span");
      marks.className = "edit-marks";
      marks.dataset[parts.language === "python" ? "pyEditMarks" : "editMarks"] = "";
      label.append(" ", marks);
      parts.marks = marks;
    }
  }
  if (parts.marks) parts.marks.textContent = text;
}

/**
 * The code the site ships in a highlighted block, as its file holds it: Shiki's block drops the
 * file's final newline, which the editor then shows as an empty last line, as for the TypeScript.
 */
export function shippedCode(block: HTMLElement): string {
  const text = preOf(block).textContent ?? "";
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

/** The highlighted `<pre>` inside the block (Shiki's), or the block itself. */
function preOf(block: HTMLElement): HTMLElement {
  return block.querySelector<HTMLElement>("pre") ?? block;
}

export interface Measure {
  height: number;
  scrollTop: number;
  scrollLeft: number;
  font: {
    family: string;
    size: number;
    lineHeight: number;
    paddingTop: number;
    paddingBottom: number;
  };
  /** The element whose colours the editor copies. */
  colors: HTMLElement;
}

/** Size, scroll, font and colours of whatever shows the code now (highlighted or plain view). */
export function measure(visible: HTMLElement): Measure {
  const pre = preOf(visible);
  const style = getComputedStyle(pre);
  const size = Number.parseFloat(style.fontSize) || 14;
  const lineHeight = Number.parseFloat(style.lineHeight) || Math.round(size * 1.5);
  return {
    height: visible.getBoundingClientRect().height,
    scrollTop: pre.scrollTop,
    scrollLeft: pre.scrollLeft,
    font: {
      family: style.fontFamily,
      size,
      lineHeight,
      paddingTop: Number.parseFloat(style.paddingTop) || 0,
      paddingBottom: Number.parseFloat(style.paddingBottom) || 0,
    },
    colors: pre,
  };
}

/** Offset in the block's text of the point the reader clicked, if the browser can tell. */
export function clickOffset(block: HTMLElement, event: MouseEvent): number | undefined {
  const doc = block.ownerDocument as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const hit = doc.caretPositionFromPoint?.(event.clientX, event.clientY);
  const node =
    hit?.offsetNode ?? doc.caretRangeFromPoint?.(event.clientX, event.clientY)?.startContainer;
  const offset =
    hit?.offset ?? doc.caretRangeFromPoint?.(event.clientX, event.clientY)?.startOffset;
  if (!node || offset === undefined || !block.contains(node)) return undefined;
  const range = doc.createRange();
  range.selectNodeContents(preOf(block));
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * Shows `code` in the host (an edit or shared code, before Monaco is loaded) in a copy of the
 * highlighted block it stands in for: plain at once, then highlighted with the same Shiki themes
 * when the highlighter (a lazy chunk, loaded only by pages that show such code) is ready.
 */
export function showPlain(parts: WidgetParts, code: string, label: string): HTMLElement {
  const shiki = preOf(parts.tsCode);
  // A shallow copy keeps Shiki's classes and colours (both themes) without its tokens.
  const pre = shiki.cloneNode(false) as HTMLElement;
  pre.removeAttribute("id");
  pre.dataset["editedCode"] = "";
  pre.tabIndex = 0;
  pre.setAttribute("aria-label", label);
  pre.classList.add("edited-code");
  const codeEl = document.createElement("code");
  codeEl.textContent = code;
  pre.append(codeEl);
  parts.host.replaceChildren(pre);
  parts.host.hidden = false;
  parts.tsCode.hidden = true;
  // The page's highlighter knows TypeScript only; the Python shows plain until the editor opens.
  if (parts.language === "typescript") void highlightInPlace(codeEl, code);
  return pre;
}

async function highlightInPlace(codeEl: HTMLElement, code: string): Promise<void> {
  try {
    const { codeHighlighter, highlightedLines } = await import("./code-highlighter.ts");
    const lines = highlightedLines(await codeHighlighter(), code);
    // The reader may have opened the editor, or other code replaced this, meanwhile.
    if (!codeEl.isConnected || codeEl.textContent !== code) return;
    const children: (HTMLElement | string)[] = [];
    lines.forEach((line, i) => {
      if (i > 0) children.push("\n");
      children.push(line);
    });
    codeEl.replaceChildren(...children);
    codeEl.closest("pre")?.setAttribute("data-highlighted", "");
  } catch {
    // Plain text is still the reader's code: highlighting is only a nicety.
  }
}

/**
 * Marks line `line` (1-based) of the plain view as the one a runtime error points at, or clears
 * the mark (`null`). A stylesheet rule draws it (`pre[data-error-line]`), so highlighting that
 * arrives later keeps it, and no editor has to load while a program runs.
 */
export function markPlainLine(parts: WidgetParts, line: number | null, message = ""): void {
  const pre = hostIfMade(parts.root, parts.language)?.querySelector<HTMLElement>(
    "pre[data-edited-code]",
  );
  if (!pre) return;
  if (line === null) {
    delete pre.dataset["errorLine"];
    pre.style.removeProperty("--error-line");
    pre.removeAttribute("title");
    return;
  }
  pre.dataset["errorLine"] = String(line);
  pre.style.setProperty("--error-line", String(line - 1));
  pre.title = `Line ${line}: ${message}`;
}

/** Back to the highlighted original. */
export function showOriginal(parts: WidgetParts): void {
  const host = hostIfMade(parts.root, parts.language);
  host?.replaceChildren();
  if (host) host.hidden = true;
  parts.tsCode.hidden = false;
}

/** The hint that says how to run and how to leave the editor; returns its id. */
export function ensureHint(parts: WidgetParts, id: string): string {
  const hintId = `${id}-editor-hint`;
  if (!document.getElementById(hintId)) {
    const hint = document.createElement("p");
    hint.id = hintId;
    hint.className = "editor-hint";
    hint.dataset["editorHint"] = "";
    const runs = parts.language === "python" ? "runs the Python" : "runs";
    hint.textContent =
      `Ctrl+Enter (⌘+Enter on macOS) ${runs}. Escape leaves the editor. Tab indents; press ` +
      "Ctrl+M (Ctrl+Shift+M on macOS) to make Tab move the focus instead.";
    parts.host.insertAdjacentElement("afterend", hint);
  }
  return hintId;
}

/** Our own part of the widget's status line, so the widget's notices and ours do not clash. */
export function noticeSlot(parts: WidgetParts): HTMLElement | null {
  if (!parts.notice) return null;
  const key = parts.language === "python" ? "py" : "";
  let slot = parts.notice.querySelector<HTMLElement>(`[data-edit-notice="${key}"]`);
  if (!slot) {
    slot = document.createElement("span");
    slot.dataset["editNotice"] = key;
    parts.notice.append(slot);
  }
  return slot;
}

export interface NoticeAction {
  label: string;
  action: string;
  run: () => void;
}

/** Replaces our notice with `text` and optional buttons; empty text clears it. */
export function setNotice(parts: WidgetParts, text: string, actions: NoticeAction[] = []): void {
  const slot = noticeSlot(parts);
  if (!slot) return;
  const items: (string | HTMLElement)[] = [text && parts.say ? parts.say(text) : text];
  for (const a of actions) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "ctl ctl-inline";
    b.dataset["action"] = a.action;
    b.textContent = a.label;
    b.addEventListener("click", a.run, { once: true });
    items.push(" ", b);
  }
  slot.replaceChildren(...items);
}

/** A read-only field holding `url`, selected, for browsers that refuse clipboard access. */
export function noticeWithLink(parts: WidgetParts, text: string, url: string): void {
  const slot = noticeSlot(parts);
  if (!slot) return;
  const input = document.createElement("input");
  input.type = "text";
  input.readOnly = true;
  input.value = url;
  input.setAttribute("aria-label", "Share link");
  input.dataset["shareLink"] = "";
  slot.replaceChildren(`${text} `, input);
  input.focus();
  input.select();
}

/** Copies a share link for `code` to the clipboard, or shows it to copy by hand. */
export async function copyShareLink(
  parts: WidgetParts,
  url: string | { error: string },
): Promise<void> {
  if (typeof url !== "string") {
    setNotice(parts, url.error);
    return;
  }
  try {
    await navigator.clipboard.writeText(url);
    setNotice(parts, "Link copied: it opens this example with your code, without running it.");
  } catch {
    noticeWithLink(parts, "Copy this link:", url);
  }
}
