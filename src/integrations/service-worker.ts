/**
 * Builds the site's service worker (`src/offline/service-worker.ts`) into `sw.js` at the root
 * of the build, with the precache list and version of this very build written into it
 * (`src/offline/precache.ts`). It runs after the other integrations have changed the pages,
 * so the version covers the files as they are served.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { build } from "esbuild";
import { precacheOf } from "../offline/precache.ts";

export function serviceWorker(): AstroIntegration {
  return {
    name: "service-worker",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { paths, version } = precacheOf(root);
        const out = await build({
          entryPoints: [fileURLToPath(new URL("../offline/service-worker.ts", import.meta.url))],
          bundle: true,
          format: "iife",
          target: "es2022",
          minify: true,
          write: false,
          define: { __PRECACHE__: JSON.stringify(paths), __VERSION__: JSON.stringify(version) },
        });
        writeFileSync(join(root, "sw.js"), out.outputFiles[0]?.contents ?? "");
        logger.info(`sw.js: version ${version}, ${paths.length} files precached`);
      },
    },
  };
}
