/**
 * Share (copy a link to the reader's code) and opening share links: the link in the page's
 * address, or one followed later (hashchange), replaces the view, or asks first when the reader
 * has a saved edit of their own.
 */
import { type InitialView, initialView } from "./edit-state.ts";
import { copyShareLink, setNotice } from "./edit-view.ts";
import { baseFor, type EditorSession, ownStateOf, persist, render } from "./editor-session.ts";
import type { ShareDecodeResult } from "./share-link.ts";

let codec: Promise<typeof import("./share-link.ts")> | null = null;

/** The share-link codec (with lz-string), loaded on first use: most pages never need it. */
export function loadShareLink(): Promise<typeof import("./share-link.ts")> {
  codec ??= import("./share-link.ts");
  return codec;
}

export async function share(s: EditorSession): Promise<void> {
  if (s.editor) s.code = s.editor.getValue();
  const { ShareTooLargeError, shareUrl } = await loadShareLink();
  let url: string | { error: string };
  try {
    url = shareUrl(location.href, s.id, s.code);
  } catch (error) {
    url = {
      error: error instanceof ShareTooLargeError ? error.message : "This code cannot be shared.",
    };
  }
  await copyShareLink(s.parts, url);
}

/** Shows what a share link (or the page load) asks for; `v` comes from `initialView`. */
function apply(s: EditorSession, v: InitialView): void {
  s.state = v.state;
  s.ownState = ownStateOf(v);
  s.baseHash = baseFor(s, s.ownState);
  s.code = v.code;
  s.lastCompiled = null;
  s.editor?.setValue(s.code);
  render(s);
  if (v.state === "conflict") askAboutShared(s, v.sharedCode, v.notice);
  else setNotice(s.parts, v.notice ?? "");
}

/** A share link was followed after the page loaded. */
export function onShareHash(s: EditorSession, link: ShareDecodeResult): void {
  const forThis = link.kind !== "none" && link.exampleId === s.id;
  if (!forThis) return;
  persist(s);
  s.saved = s.store.load(s.id);
  apply(s, initialView(s.id, s.original, s.saved, link));
  s.options.root.scrollIntoView({ block: "start" });
}

/** The reader has an edit of their own and a link brings other code: ask which to show. */
export function askAboutShared(s: EditorSession, sharedCode: string, question: string): void {
  const use = () => {
    // Shown, not saved: the saved edit is replaced only if the reader edits the shared code.
    s.code = sharedCode;
    s.state = "shared";
    s.editor?.setValue(sharedCode);
    render(s);
    setNotice(
      s.parts,
      "Showing the shared code. It has not run. Editing it replaces your saved edit.",
    );
  };
  const keep = () => {
    s.state = s.ownState;
    render(s);
    setNotice(s.parts, "Kept your edit.");
  };
  setNotice(s.parts, question, [
    { label: "Show shared code", action: "use-shared", run: use },
    { label: "Keep my edit", action: "keep-mine", run: keep },
  ]);
}
