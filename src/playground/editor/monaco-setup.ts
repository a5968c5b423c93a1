/// <reference types="vite/client" />
/**
 * Monaco 0.57, loaded piece by piece (`monaco-editor/editor` plus the features this editor
 * uses) rather than `monaco-editor`, which would pull in every language and its worker.
 *
 * Workers are self-hosted the way Monaco documents for Vite: `?worker` imports, handed out by
 * `MonacoEnvironment.getWorker`. Part of the lazy editor chunk; never imported by a page.
 */
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";

import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
// Only the TypeScript grammar (Monarch); the language service comes later, when idle.
import "monaco-editor/languages/definitions/typescript/register";

export { monaco };

declare global {
  var MonacoEnvironment: monaco.Environment | undefined;
}

globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

export type PageTheme = "light" | "dark";

const THEME_NAME: Record<PageTheme, string> = { light: "asyncio-light", dark: "asyncio-dark" };

/** `rgb(…)`/`rgba(…)` as Monaco's `#rrggbb`/`#rrggbbaa`; null for anything else. */
export function cssColorToHex(css: string): string | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    css,
  );
  if (!m) return null;
  const byte = (v: string) =>
    Math.max(0, Math.min(255, Math.round(Number(v))))
      .toString(16)
      .padStart(2, "0");
  let hex = `#${byte(m[1]!)}${byte(m[2]!)}${byte(m[3]!)}`;
  if (m[4] !== undefined) {
    const a = m[4].endsWith("%") ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
    if (a === 0) return null; // transparent: keep Monaco's own background
    if (a < 1) hex += byte(String(a * 255));
  }
  return hex;
}

/**
 * Defines the editor's theme for `theme` from Monaco's light or dark base, with the
 * background and text colour of `colorsOf` (the highlighted code block), so the editor looks
 * like the block it replaces. Returns the theme's name.
 */
export function definePageTheme(theme: PageTheme, colorsOf: Element | null): string {
  const colors: Record<string, string> = {};
  if (colorsOf) {
    const style = getComputedStyle(colorsOf);
    const bg = cssColorToHex(style.backgroundColor);
    const fg = cssColorToHex(style.color);
    if (bg) {
      colors["editor.background"] = bg;
      colors["editorGutter.background"] = bg;
    }
    if (fg) colors["editor.foreground"] = fg;
  }
  const name = THEME_NAME[theme];
  monaco.editor.defineTheme(name, {
    base: theme === "dark" ? "vs-dark" : "vs",
    inherit: true,
    rules: [],
    colors,
  });
  return name;
}

/** The page's theme now, from `<html data-theme>`. */
export function pageTheme(): PageTheme {
  return document.documentElement.dataset["theme"] === "dark" ? "dark" : "light";
}

let followers = 0;
let observer: MutationObserver | null = null;
const colorSources = new Set<() => Element | null>();

/**
 * Keeps every open editor in the page's theme while at least one follower is registered.
 * Monaco's theme is global to the page, so one observer serves all editors.
 */
export function followPageTheme(colorsOf: () => Element | null): () => void {
  followers++;
  colorSources.add(colorsOf);
  if (!observer) {
    observer = new MutationObserver(() => {
      const theme = pageTheme();
      const first = colorSources.values().next().value;
      monaco.editor.setTheme(definePageTheme(theme, first ? first() : null));
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });
  }
  return () => {
    colorSources.delete(colorsOf);
    if (--followers === 0) {
      observer?.disconnect();
      observer = null;
    }
  };
}
