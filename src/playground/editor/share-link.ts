/**
 * Share links: the edited code of one example, carried in the URL hash as
 * `#share=<exampleId>:<payload>`, where the payload is lz-string's
 * `compressToEncodedURIComponent` of a tiny JSON envelope `{"v":1,"c":code,"h":hash}`; where
 * the reader edited the Python too, the envelope also carries it, `"p":python,"q":hash` (links
 * made before that have no `p`, and still open: the Python then stays as it is).
 *
 * The envelope's hash lets a truncated or altered link be told apart from real code (lz-string
 * happily "decompresses" garbage into garbage). Nothing here runs code: decoding only returns
 * text, and the caller shows it without running it.
 */
import * as lzModule from "lz-string";
import { hashText } from "./edits-store.ts";
import { decompressBounded } from "./lz-bounded.ts";
import { pythonEditId } from "./python-links.ts";

type LzString = typeof import("lz-string");
// lz-string is CommonJS: node gives its exports as `default`, bundlers as named exports.
const lz: LzString = (lzModule as unknown as { default?: LzString }).default ?? lzModule;

export const SHARE_PREFIX = "#share=";
/** The longest code (in characters, TypeScript and Python together) a share link may carry. */
export const MAX_SHARED_CODE = 20_000;
/**
 * Longest payload decoded at all, checked before any decoding: a generous bound on what
 * `MAX_SHARED_CODE` characters of code compress to (lz-string's URI form spends about 1.5
 * characters per character of code that does not repeat at all, and real code repeats).
 */
export const MAX_SHARE_PAYLOAD = 4 * MAX_SHARED_CODE;
/**
 * Longest envelope the decoder may produce: the code, every character of it escaped by JSON at
 * worst (`\u0001`: 6 characters), and the envelope's fields. Decoding stops past it.
 */
export const MAX_ENVELOPE = 6 * MAX_SHARED_CODE + 200;

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const FORMAT = 1;

export type ShareErrorReason = "malformed" | "damaged" | "too-large";

export type ShareDecodeResult =
  /** The hash is not a share link at all. */
  | { kind: "none" }
  /** `python`: the edited Python, when the link carries one. */
  | { kind: "shared"; exampleId: string; code: string; python?: string }
  /** A share link that cannot be used; `exampleId` is null when even the id is unreadable. */
  | { kind: "error"; exampleId: string | null; reason: ShareErrorReason; message: string };

export class ShareTooLargeError extends Error {
  readonly length: number;
  constructor(length: number) {
    super(
      `This code is too long to share as a link (${length.toLocaleString("en")} characters; ` +
        `the limit is ${MAX_SHARED_CODE.toLocaleString("en")}).`,
    );
    this.name = "ShareTooLargeError";
    this.length = length;
  }
}

/** True when `id` can name an example in a share link. */
export function isShareableId(id: string): boolean {
  return ID.test(id);
}

/**
 * The hash (with its `#`) that shares `code` (and `python`, if given) as the edit of example
 * `exampleId`.
 * @example
 * encodeShareHash("hello", tsCode, editedPython); // "#share=hello:N4Ig…"
 */
export function encodeShareHash(exampleId: string, code: string, python?: string): string {
  if (!isShareableId(exampleId)) throw new Error(`Not a shareable example id: ${exampleId}`);
  const length = code.length + (python?.length ?? 0);
  if (length > MAX_SHARED_CODE) throw new ShareTooLargeError(length);
  const envelope = JSON.stringify({
    v: FORMAT,
    c: code,
    h: hashText(code),
    ...(python === undefined ? {} : { p: python, q: hashText(python) }),
  });
  return `${SHARE_PREFIX}${exampleId}:${lz.compressToEncodedURIComponent(envelope)}`;
}

/** A full URL: `base` (the page's URL) with its hash replaced by the share hash. */
export function shareUrl(base: string, exampleId: string, code: string, python?: string): string {
  const url = new URL(base);
  url.hash = encodeShareHash(exampleId, code, python);
  return url.href;
}

const MESSAGES: Record<ShareErrorReason, string> = {
  malformed: "This share link is incomplete, so it was not opened: the example shows its own code.",
  damaged:
    "This share link is damaged (perhaps cut short when it was copied), so it was not opened: the example shows its own code.",
  "too-large": `This share link carries more than ${MAX_SHARED_CODE.toLocaleString("en")} characters of code, so it was not opened: the example shows its own code.`,
};

function failure(exampleId: string | null, reason: ShareErrorReason): ShareDecodeResult {
  return { kind: "error", exampleId, reason, message: MESSAGES[reason] };
}

let last: { hash: string; result: ShareDecodeResult } | null = null;

/**
 * Reads a location hash (`location.hash`, with or without its `#`). Never throws, and decodes
 * a given hash once per page: every example widget asks about the same hash.
 */
export function decodeShareHash(hash: string): ShareDecodeResult {
  if (last?.hash !== hash) last = { hash, result: decodeOnce(hash) };
  return last.result;
}

function decodeOnce(hash: string): ShareDecodeResult {
  const h = hash.startsWith("#") ? hash : `#${hash}`;
  if (!h.startsWith(SHARE_PREFIX)) return { kind: "none" };
  const rest = h.slice(SHARE_PREFIX.length);
  const colon = rest.indexOf(":");
  // Some apps percent-encode the colon when they pass a link on.
  const sep = colon >= 0 ? colon : rest.toUpperCase().indexOf("%3A");
  if (sep < 0) return failure(isShareableId(rest) ? rest : null, "malformed");
  const exampleId = rest.slice(0, sep);
  if (!isShareableId(exampleId)) return failure(null, "malformed");
  // lz-string's URI alphabet has `+`, which some apps turn into a space.
  const payload = rest.slice(sep + (colon >= 0 ? 1 : 3)).replaceAll(" ", "+");
  if (payload.length === 0) return failure(exampleId, "malformed");
  if (payload.length > MAX_SHARE_PAYLOAD) return failure(exampleId, "too-large");

  const decoded = decompressBounded(payload, MAX_ENVELOPE);
  if (decoded.kind === "too-long") return failure(exampleId, "too-large");
  if (decoded.kind === "damaged" || !decoded.text) return failure(exampleId, "damaged");
  const text = decoded.text;
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return failure(exampleId, "damaged");
  }
  if (typeof envelope !== "object" || envelope === null) return failure(exampleId, "damaged");
  const e = envelope as Record<string, unknown>;
  const code = e["c"];
  if (e["v"] !== FORMAT || typeof code !== "string" || typeof e["h"] !== "string") {
    return failure(exampleId, "damaged");
  }
  const python = e["p"];
  if (python === undefined) {
    if (code.length > MAX_SHARED_CODE) return failure(exampleId, "too-large");
    if (hashText(code) !== e["h"]) return failure(exampleId, "damaged");
    return { kind: "shared", exampleId, code };
  }
  if (typeof python !== "string" || typeof e["q"] !== "string")
    return failure(exampleId, "damaged");
  if (code.length + python.length > MAX_SHARED_CODE) return failure(exampleId, "too-large");
  if (hashText(code) !== e["h"] || hashText(python) !== e["q"])
    return failure(exampleId, "damaged");
  return { kind: "shared", exampleId, code, python };
}

/**
 * What the TypeScript side makes of a link: a link that shares only Python carries the
 * TypeScript as it ships, which is nothing to tell the reader about.
 */
export function linkForTypeScript(link: ShareDecodeResult, original: string): ShareDecodeResult {
  if (link.kind === "shared" && link.python !== undefined && link.code === original)
    return { kind: "none" };
  return link;
}

/** What the Python side makes of a link: its Python, if it carries one for this example. */
export function linkForPython(link: ShareDecodeResult, id: string): ShareDecodeResult {
  if (link.kind !== "shared" || link.exampleId !== id || link.python === undefined)
    return { kind: "none" };
  return { kind: "shared", exampleId: pythonEditId(id), code: link.python };
}
