/**
 * Writes `.gz` and `.br` copies next to the build's large assets (the editor chunk, the
 * TypeScript worker, esbuild.wasm…), for static hosts that serve precompressed files
 * (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, and the bench's server): the
 * 14 MB esbuild.wasm travels as about 3.5 MB, with no compression work per request.
 *
 * Hosts that compress on the fly need nothing from here, only the right content type: `.wasm`
 * is `application/wasm` in every common MIME table (and in `astro preview`, which gzips it).
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { AstroIntegration } from "astro";
import { builtFiles } from "./built-files.ts";

/** Files at least this large are worth a compressed copy. */
export const PRECOMPRESS_MIN_BYTES = 32 * 1024;
/** What compresses well: text and WebAssembly (fonts and images are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|wasm|svg|txt|ts|map)$/;

const gz = promisify(gzip);
const br = promisify(brotliCompress);

/** The files of `root` that get compressed copies. */
export function precompressible(root: string): string[] {
  return builtFiles(root).filter(
    (f) => COMPRESSIBLE.test(f) && statSync(f).size >= PRECOMPRESS_MIN_BYTES,
  );
}

export function precompress(): AstroIntegration {
  return {
    name: "precompress",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const targets = precompressible(fileURLToPath(dir));
        let raw = 0;
        let brotli = 0;
        // zlib's async functions run on libuv's thread pool: the files compress in parallel.
        await Promise.all(
          targets.map(async (file) => {
            const body = readFileSync(file);
            const [g, b] = await Promise.all([
              gz(body, { level: 9 }),
              // Quality 9: nearly all of 11's gain on these files, at a fraction of its time.
              br(body, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 9,
                  [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              }),
            ]);
            writeFileSync(`${file}.gz`, g);
            writeFileSync(`${file}.br`, b);
            raw += body.length;
            brotli += b.length;
          }),
        );
        const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
        logger.info(
          `precompressed ${targets.length} files: ${mb(raw)} → ${mb(brotli)} (brotli), with .gz beside`,
        );
      },
    },
  };
}
