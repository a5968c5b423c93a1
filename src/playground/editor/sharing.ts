/**
 * Share: copies a link to the reader's code. The share-link codec (with lz-string) is loaded on
 * first use, here and when the page's address carries a link: most pages never need it.
 */
import { copyShareLink, type WidgetParts } from "./edit-view.ts";

let codec: Promise<typeof import("./share-link.ts")> | null = null;

/** The share-link codec, loaded on first use. */
export function loadShareLink(): Promise<typeof import("./share-link.ts")> {
  codec ??= import("./share-link.ts");
  return codec;
}

/**
 * Copies a link that opens example `id` with `code`, and `python` when the reader edited the
 * Python (or says why it cannot).
 */
export async function share(
  parts: WidgetParts,
  id: string,
  code: string,
  python?: string,
): Promise<void> {
  const { ShareTooLargeError, shareUrl } = await loadShareLink();
  let url: string | { error: string };
  try {
    url = shareUrl(location.href, id, code, python);
  } catch (error) {
    url = {
      error: error instanceof ShareTooLargeError ? error.message : "This code cannot be shared.",
    };
  }
  await copyShareLink(parts, url);
}
