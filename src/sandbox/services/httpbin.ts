/**
 * A deterministic httpbin, answering on `httpbin.test` and `httpbin.org`. Bodies are JSON with
 * sorted keys and 2-space indents plus a newline (as Flask's `jsonify`), byte for byte the
 * same as the Python stand-in's. Endpoints: `/get`, `/post` `/put` `/patch` `/delete` (echo),
 * `/anything`, `/json`, `/uuid` (a counter, not random), `/ip`, `/headers`, `/delay/N`
 * (N ≤ 10 s, server-side), `/status/CODE`, `/stream/N` (N JSON lines, one part each),
 * `/bytes/N` (parts of 1024 bytes, byte i = (i * 31 + 7) % 256).
 */
import { sleep } from "../../runtime/asyncio/index.ts";
import { _setHttpbin, type SimReply, type SimRequest } from "./http-world.ts";
import { dumps, fromUtf8, utf8 } from "./py-json.ts";

const ORIGIN = "203.0.113.7";
const JSON_TYPE = "application/json";

/** httpbin's `/json` document. */
const SLIDESHOW = {
  slideshow: {
    author: "Yours Truly",
    date: "date of publication",
    slides: [
      { title: "Wake up to WonderWidgets!", type: "all" },
      {
        items: ["Why <em>WonderWidgets</em> are great", "Who <em>buys</em> WonderWidgets"],
        title: "Overview",
        type: "all",
      },
    ],
    title: "Sample Slide Show",
  },
};

let uuidCounter = 0;

/** Back to the first uuid (each run starts here). */
export function _reset(): void {
  uuidCounter = 0;
}

function reply(status: number, body: Uint8Array, type: string, parts?: Uint8Array[]): SimReply {
  return {
    status,
    headers: { "Content-Type": type, "Content-Length": String(body.length) },
    parts: parts ?? (body.length > 0 ? [body] : []),
  };
}

function json(value: unknown, status = 200): SimReply {
  return reply(status, utf8(`${dumps(value, { indent: 2, sortKeys: true })}\n`), JSON_TYPE);
}

function text(status: number, body: string): SimReply {
  return reply(status, utf8(body), "text/plain; charset=utf-8");
}

function echoHeaders(req: SimRequest): Record<string, string> {
  const h: Record<string, string> = { Host: req.host, ...req.headers };
  if (req.body.length > 0) h["Content-Length"] = String(req.body.length);
  return h;
}

function echo(req: SimRequest, withBody: boolean): Record<string, unknown> {
  const args: Record<string, string> = {};
  for (const [k, v] of req.query) args[k] = v;
  const out: Record<string, unknown> = {
    args,
    headers: echoHeaders(req),
    origin: ORIGIN,
    url: req.url,
  };
  if (!withBody) return out;
  const type = req.headers["Content-Type"] ?? "";
  const body = fromUtf8(req.body);
  const form: Record<string, string> = {};
  let data = body;
  let parsed: unknown = null;
  if (type.startsWith("application/x-www-form-urlencoded")) {
    data = "";
    for (const kv of body ? body.split("&") : []) {
      const i = kv.indexOf("=");
      form[decodeURIComponent(kv.slice(0, i).replace(/\+/g, " "))] = decodeURIComponent(
        kv.slice(i + 1).replace(/\+/g, " "),
      );
    }
  } else if (type.startsWith(JSON_TYPE)) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
  }
  return { ...out, data, files: {}, form, json: parsed };
}

const ECHO_METHODS: Record<string, string> = {
  "/get": "GET",
  "/post": "POST",
  "/put": "PUT",
  "/patch": "PATCH",
  "/delete": "DELETE",
};

async function handle(req: SimRequest): Promise<SimReply> {
  const p = req.path;
  const echoMethod = ECHO_METHODS[p];
  if (echoMethod !== undefined) {
    if (req.method !== echoMethod) return text(405, "405: Method Not Allowed");
    return json(echo(req, req.method !== "GET"));
  }
  if (p === "/anything" || p.startsWith("/anything/")) return json(echo(req, req.method !== "GET"));
  if (p === "/json") return json(SLIDESHOW);
  if (p === "/uuid") {
    uuidCounter += 1;
    return json({ uuid: `00000000-0000-4000-8000-${String(uuidCounter).padStart(12, "0")}` });
  }
  if (p === "/ip") return json({ origin: ORIGIN });
  if (p === "/headers") return json({ headers: echoHeaders(req) });
  let m = /^\/delay\/(\d+(?:\.\d+)?)$/.exec(p);
  if (m) {
    await sleep(Math.min(Number(m[1]), 10));
    return json(echo(req, req.method !== "GET"));
  }
  m = /^\/status\/(\d{3})$/.exec(p);
  if (m) return text(Number(m[1]), "");
  m = /^\/stream\/(\d+)$/.exec(p);
  if (m) {
    const n = Math.min(Number(m[1]), 100);
    const lines = Array.from({ length: n }, (_, id) =>
      utf8(`${dumps({ id, origin: ORIGIN, url: req.url }, { sortKeys: true })}\n`),
    );
    const all = utf8(lines.map(fromUtf8).join(""));
    return reply(200, all, JSON_TYPE, lines);
  }
  m = /^\/bytes\/(\d+)$/.exec(p);
  if (m) {
    const n = Math.min(Number(m[1]), 102400);
    const body = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);
    const parts: Uint8Array[] = [];
    for (let i = 0; i < n; i += 1024) parts.push(body.subarray(i, i + 1024));
    return reply(200, body, "application/octet-stream", parts);
  }
  return text(404, "404: Not Found");
}

_setHttpbin({ handle });
