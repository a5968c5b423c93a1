/**
 * Builds the search index (Pagefind) inside the build, after the pages are final and before
 * the service worker's list is made: so the worker can keep the search for offline use, and
 * `astro build` alone gives a complete site.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { close, createIndex } from "pagefind";

export function searchIndex(): AstroIntegration {
  return {
    name: "search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors } = await createIndex();
        if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
        const added = await index.addDirectory({ path: root });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: join(root, "pagefind") });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
        await close();
        logger.info(`indexed ${added.page_count} pages`);
      },
    },
  };
}
