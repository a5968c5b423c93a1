import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRoute } from "astro";

/**
 * The `asyncio` module's declarations for the editor, generated at build time from the
 * runtime's own sources by scripts/emit-asyncio-dts.ts, so the editor's types never drift;
 * followed by the simulated services' reader modules (`aiohttp`, `random`, …) from
 * scripts/emit-reader-dts.ts.
 */
export const GET: APIRoute = () => {
  const dir = mkdtempSync(join(tmpdir(), "asyncio-dts-"));
  try {
    const out = join(dir, "asyncio.d.ts");
    execFileSync(process.execPath, ["scripts/emit-asyncio-dts.ts", out], { stdio: "ignore" });
    const readers = join(dir, "readers.d.ts");
    execFileSync(process.execPath, ["scripts/emit-reader-dts.ts", readers], { stdio: "ignore" });
    return new Response(readFileSync(out, "utf8") + readFileSync(readers, "utf8"), {
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
