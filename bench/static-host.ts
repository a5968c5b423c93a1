/**
 * dist/ served as a static host serves it: precompressed `.br`/`.gz` files when the browser
 * accepts them (`src/integrations/precompress.ts` writes them), `application/wasm`, hashed
 * `_astro/` assets cacheable for a year, pages revalidated (ETag, 304). Counts the bytes sent
 * by URL, for the benches' bytes-per-step figures.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".ts": "text/plain; charset=utf-8",
};

/** Bytes sent on the wire, by URL, since the last `reset`. */
export const sent = new Map<string, number>();

/** `root` (dist/) served under `base` as a static host with precompressed files would serve it. */
export function staticHost(root: string, base: string, origin: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    const inSite = `/${url.pathname.slice(base.length)}`;
    let path = normalize(decodeURIComponent(inSite)).replace(/^(\.\.[/\\])+/, "");
    if (path.endsWith("/")) path += "index.html";
    let file = join(root, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const headers: Record<string, string> = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": url.pathname.includes("/_astro/")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      vary: "accept-encoding",
    };
    let served = file;
    for (const [token, ext, name] of [
      ["br", ".br", "br"],
      ["gzip", ".gz", "gzip"],
    ] as const) {
      if (accepts.includes(token) && existsSync(file + ext)) {
        served = file + ext;
        headers["content-encoding"] = name;
        break;
      }
    }
    // Revalidation, as static hosts answer it: a page or an unhashed file that has not changed
    // costs a 304, not its bytes again.
    const stat = statSync(served);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    headers["etag"] = etag;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = readFileSync(served);
    sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + body.length);
    res.writeHead(200, headers).end(body);
  });
}
