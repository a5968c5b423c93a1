/**
 * Where an example's Python edit lives beside its TypeScript edit: in the edits store under the
 * example's id with `.py` appended (ids have no dot). In a share link it is the envelope's
 * `python` (`share-link.ts`, `linkForPython`).
 */

/** The key of an example's Python edit in the edits store (and its share links' id). */
export function pythonEditId(id: string): string {
  return `${id}.py`;
}
