/**
 * Where an example's Python edit lives beside its TypeScript edit: in the edits store under the
 * example's id with `.py` appended (ids have no dot), and in a share link as the envelope's
 * `python`, which each side reads its own part of. Pure, tested in node.
 */
import type { ShareDecodeResult } from "./share-link.ts";

/** The key of an example's Python edit in the edits store. */
export function pythonEditId(id: string): string {
  return `${id}.py`;
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
