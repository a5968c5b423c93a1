/**
 * What an example shows when the page loads, from its saved edit and the page's share link,
 * and the mark that tells the reader which code they are looking at. Pure, tested in node.
 */
import { editStatus, type SavedEdit } from "./edits-store.ts";
import type { ShareDecodeResult } from "./share-link.ts";

/** Which code an example shows. */
export type EditState = "original" | "edited" | "older-version" | "shared";

export type InitialView =
  | { state: EditState; code: string; notice: string | null }
  /** A share link for this example, while the reader has a different saved edit: ask first. */
  | { state: "conflict"; code: string; ownState: EditState; sharedCode: string; notice: string };

/** The text of the small mark beside the code (empty for the original). */
export const MARK_TEXT: Record<EditState, string> = {
  original: "",
  edited: "edited",
  "older-version": "edited · based on an older version of this example",
  shared: "shared code · not run yet",
};

export const NOTICES = {
  shared: "This example shows code from a share link. It has not run: press Run to run it.",
  sharedIsOriginal: "This share link carries the example's own code.",
  conflict:
    "This link shares other code for this example, and you have your own saved edit. Your edit stays unless you choose to see the shared code.",
  olderVersion:
    "Your saved edit was made on an older version of this example. Reset shows the current original.",
} as const;

/**
 * Decides the first view of example `id`.
 * @param share the decoded page hash (`decodeShareHash(location.hash)`)
 */
export function initialView(
  id: string,
  original: string,
  saved: SavedEdit | null,
  share: ShareDecodeResult,
): InitialView {
  const status = editStatus(saved, original);
  const own: InitialView =
    status === "original"
      ? { state: "original", code: original, notice: null }
      : {
          state: status,
          code: saved!.code,
          notice: status === "older-version" ? NOTICES.olderVersion : null,
        };

  if (share.kind === "error" && share.exampleId === id) return { ...own, notice: share.message };
  if (share.kind !== "shared" || share.exampleId !== id) return own;
  if (share.code === original) {
    return status === "original" ? { ...own, notice: NOTICES.sharedIsOriginal } : own;
  }
  if (own.state !== "original" && own.code !== share.code) {
    return {
      state: "conflict",
      code: own.code,
      ownState: own.state,
      sharedCode: share.code,
      notice: NOTICES.conflict,
    };
  }
  if (own.code === share.code) return own; // already saved: it is the reader's edit now
  return { state: "shared", code: share.code, notice: NOTICES.shared };
}

/** The state after the reader changes the code to `code`. */
export function stateAfterChange(code: string, original: string, previous: EditState): EditState {
  if (code === original) return "original";
  // A change makes shared code the reader's own edit, made on today's original.
  return previous === "older-version" ? "older-version" : "edited";
}
