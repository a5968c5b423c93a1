// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { lazyCss } from "./src/integrations/lazy-css.ts";
import { precompress } from "./src/integrations/precompress.ts";
import { searchIndex } from "./src/integrations/search-index.ts";
import { serviceWorker } from "./src/integrations/service-worker.ts";
import { CODE_THEMES, flatCode } from "./src/lib/flat-code.ts";

/**
 * The base path comes from one setting: BASE_PATH (e.g. "/asyncio-live/" for a project site on
 * GitHub Pages). Every link and asset is built from `import.meta.env.BASE_URL`, and Pagefind's
 * bundle is loaded from under it, so the whole site moves with this one value.
 */
const base = process.env.BASE_PATH ?? "/";

export default defineConfig({
  site: process.env.SITE_URL ?? "https://example.org",
  base,
  trailingSlash: "always",
  // In this order: the search index reads the final pages; the service worker's list and version
  // cover the pages and the index; precompress compresses the files as the others leave them.
  integrations: [mdx(), lazyCss(), searchIndex(), serviceWorker(), precompress()],
  markdown: {
    shikiConfig: {
      themes: CODE_THEMES,
      defaultColor: "light",
      transformers: [flatCode()],
      wrap: false,
    },
  },
  build: { format: "directory" },
  server: { port: 4321, host: "127.0.0.1" },
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
    worker: { format: "es" },
  },
});
