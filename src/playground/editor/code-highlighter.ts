/**
 * One Shiki highlighter for the page's TypeScript, with the themes the site's static code uses
 * (`astro.config.mjs`), so edited code, shared code and the editor look exactly like the code
 * they stand in for. Loaded with `import()` only when a page shows such code or opens an editor.
 *
 * The JavaScript regex engine is used rather than Oniguruma: no extra WebAssembly download.
 */
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
// Static imports, not `import()` in `codeHighlighter`: they are fetched with this chunk rather
// than after it has run, which on Edit came after the editor chunk (a round trip on the path to
// an editor that accepts typing).
import typescript from "shiki/langs/typescript.mjs";
import githubDarkDefault from "shiki/themes/github-dark-default.mjs";
import githubLightDefault from "shiki/themes/github-light-default.mjs";

/** The site's Shiki themes, as `astro.config.mjs` and `Example.astro` name them. */
export const CODE_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

let highlighter: Promise<HighlighterCore> | null = null;

/**
 * Shiki 4's JavaScript engine mis-tokenizes its very first comment: on a fresh highlighter, the
 * line after `// …` came out in the comment's colour (light theme), correct on every later call.
 * One throwaway pass with a comment in it, before anyone sees a token, avoids it.
 */
const WARM_UP = "// warm up\nconst ready = 1;\n";

/**
 * A new task: loading the grammar, creating the highlighter (compiling its rules) and the first
 * highlight are each tens of milliseconds, which as one chain of promises made one task of up
 * to 200 ms on the page's thread, on a page opened from a share link.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The page's highlighter (TypeScript, both themes), created once. */
export function codeHighlighter(): Promise<HighlighterCore> {
  highlighter ??= nextTask()
    .then(() =>
      createHighlighterCore({
        themes: [githubLightDefault, githubDarkDefault],
        langs: [typescript],
        engine: createJavaScriptRegexEngine(),
      }),
    )
    .then(async (h) => {
      await nextTask();
      h.codeToTokens(WARM_UP, { lang: "typescript", themes: CODE_THEMES, defaultColor: "light" });
      await nextTask();
      return h;
    })
    .catch((error: unknown) => {
      highlighter = null;
      throw error;
    });
  return highlighter;
}

/**
 * `code` as the children of a Shiki `<code>`: one `span.line` per line, each token a span with
 * the light colour and the dark one in `--shiki-dark`, as Astro's `<Code>` renders it. Built
 * with `textContent`, never HTML: the code may come from a share link.
 */
export function highlightedLines(h: HighlighterCore, code: string): HTMLElement[] {
  const { tokens } = h.codeToTokens(code, {
    lang: "typescript",
    themes: CODE_THEMES,
    defaultColor: "light",
  });
  return tokens.map((line) => {
    const el = document.createElement("span");
    el.className = "line";
    for (const token of line) {
      const span = document.createElement("span");
      span.textContent = token.content;
      for (const [name, value] of Object.entries(token.htmlStyle ?? {}))
        span.style.setProperty(name, value);
      el.append(span);
    }
    return el;
  });
}
