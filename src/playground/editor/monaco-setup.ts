/// <reference types="vite/client" />
/**
 * Monaco 0.57: the editor, its contributions, TypeScript and Python only, rather than `monaco-editor`,
 * which would pull in every language and its worker.
 *
 * Workers are self-hosted the way Monaco documents for Vite: `?worker` imports, handed out by
 * `MonacoEnvironment.getWorker`. Part of the lazy editor chunk; never imported by a page.
 */
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
// Every editor contribution, loaded before the first editor is created. Monaco 0.57's feature
// modules leave some out (the suggest widget, code lenses, drag and drop…) and its TypeScript
// mode pulls them all in through this module; loaded later, they come after Monaco has built its
// services: the first editor had no completions, and the next one threw "depends on UNKNOWN
// service ICodeLensCache". Loaded here, every editor of the page shares one set of services.
import "monaco-editor/internal/common/workers";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
// The TypeScript grammar (Monarch, replaced by Shiki's when the themes load) and the language
// features (their worker starts when the first TypeScript model appears).
import "monaco-editor/languages/definitions/typescript/register";
// Python: its Monarch grammar only (colours, brackets, indentation), no language server. Shiki
// knows no Python here, so the grammar stays Monaco's own.
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/features/typescript/tsMode";

import { shikiToMonaco } from "@shikijs/monaco";
import { CODE_THEMES, codeHighlighter } from "./code-highlighter.ts";

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

/** The page's theme now, from `<html data-theme>`, else the system's preference. */
export function pageTheme(): PageTheme {
  const set = document.documentElement.dataset["theme"];
  if (set === "dark" || set === "light") return set;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

let themes: Promise<void> | null = null;

/**
 * Gives Monaco the site's Shiki themes and TypeScript grammar (`@shikijs/monaco`), so the editor
 * colours code exactly as the highlighted block it replaces. Once per page.
 */
export function useCodeThemes(): Promise<void> {
  themes ??= codeHighlighter().then(
    (h) => {
      // @shikijs/monaco is typed against monaco-editor-core, the same API under another name.
      shikiToMonaco(h, monaco as unknown as Parameters<typeof shikiToMonaco>[1], {
        // Shiki's default (500 ms a line) cuts lines short on a busy machine's first lines,
        // while the grammar's expressions are still being compiled.
        tokenizeTimeLimit: 3000,
      });
    },
    (error: unknown) => {
      themes = null;
      throw error;
    },
  );
  return themes;
}

/** The Monaco theme for `theme` (one of the site's Shiki themes). */
export function themeName(theme: PageTheme): string {
  return CODE_THEMES[theme];
}

let followers = 0;
let observer: MutationObserver | null = null;

/**
 * Keeps every open editor in the page's theme while at least one follower is registered.
 * Monaco's theme is global to the page, so one observer serves all editors.
 */
export function followPageTheme(): () => void {
  followers++;
  if (!observer) {
    observer = new MutationObserver(() => monaco.editor.setTheme(themeName(pageTheme())));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });
  }
  return () => {
    if (--followers === 0) {
      observer?.disconnect();
      observer = null;
    }
  };
}
