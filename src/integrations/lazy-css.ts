/**
 * Astro links every stylesheet in a page script's module graph into the page, including the
 * CSS of chunks that load only on demand (the editor's Monaco CSS, ~140 KB). Vite's preload
 * helper already fetches a lazy chunk's CSS when the chunk loads, so after the build this drops
 * the page's links to any stylesheet that a built script names itself: reading stays light and
 * the editor still gets its styles.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { builtFiles } from "./built-files.ts";

function files(dir: string, ext: string): string[] {
  return builtFiles(dir).filter((path) => path.endsWith(ext));
}

export function lazyCss(): AstroIntegration {
  return {
    name: "lazy-css",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const lazy = new Set<string>();
        for (const js of files(root, ".js")) {
          for (const m of readFileSync(js, "utf8").matchAll(/_astro\/[\w.-]+\.css/g))
            lazy.add(m[0]);
        }
        let removed = 0;
        for (const html of files(root, ".html")) {
          const text = readFileSync(html, "utf8");
          const kept = text.replace(
            /<link rel="stylesheet" href="[^"]*?(_astro\/[\w.-]+\.css)">/g,
            (tag, css: string) => {
              if (!lazy.has(css)) return tag;
              removed += 1;
              return "";
            },
          );
          if (kept !== text) writeFileSync(html, kept);
        }
        logger.info(
          `dropped ${removed} page links to stylesheets that lazy chunks load themselves`,
        );
      },
    },
  };
}
