/**
 * The reader's saved edits, one per example, in `localStorage`.
 *
 * Each edit is stored with a hash of the original it was made from, so that when a new version
 * of the site changes an example, the edit is kept and can be marked as based on an older
 * version. Storage may be missing (privacy modes throw on access), full, or hold damaged data
 * from an older build: every path here degrades to "no saved edit" instead of throwing.
 */

/** One saved edit. */
export interface SavedEdit {
  code: string;
  /** `hashText` of the original example the edit was made from. */
  originalHash: string;
  /** `Date.now()` when it was saved. */
  savedAt: number;
}

export type SaveResult = { ok: true } | { ok: false; reason: "unavailable" | "full" };

export interface EditsStore {
  load(id: string): SavedEdit | null;
  save(id: string, code: string, originalHash: string): SaveResult;
  clear(id: string): void;
}

/** The subset of the DOM's `Storage` this module uses (so node tests can pass a fake). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const STORAGE_PREFIX = "asyncio-live:edit:";
const FORMAT = 1;

/**
 * A store over `storage`, or over `globalThis.localStorage` when `storage` is left out.
 * A getter is accepted because reading `window.localStorage` itself throws in some browsers.
 */
export function createEditsStore(
  storage?: StorageLike | (() => StorageLike | null) | null,
): EditsStore {
  const get = (): StorageLike | null => {
    try {
      if (typeof storage === "function") return storage();
      if (storage !== undefined) return storage;
      return (globalThis as { localStorage?: StorageLike }).localStorage ?? null;
    } catch {
      return null;
    }
  };

  return {
    load(id) {
      const s = get();
      if (!s) return null;
      let raw: string | null;
      try {
        raw = s.getItem(STORAGE_PREFIX + id);
      } catch {
        return null;
      }
      return raw === null ? null : parseSaved(raw);
    },
    save(id, code, originalHash) {
      const s = get();
      if (!s) return { ok: false, reason: "unavailable" };
      const value = JSON.stringify({ v: FORMAT, code, originalHash, savedAt: Date.now() });
      try {
        s.setItem(STORAGE_PREFIX + id, value);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: isQuotaError(error) ? "full" : "unavailable" };
      }
    },
    clear(id) {
      try {
        get()?.removeItem(STORAGE_PREFIX + id);
      } catch {
        // Nothing to clear if storage cannot be reached.
      }
    },
  };
}

function parseSaved(raw: string): SavedEdit | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d["v"] !== FORMAT) return null;
  if (typeof d["code"] !== "string" || typeof d["originalHash"] !== "string") return null;
  const savedAt = typeof d["savedAt"] === "number" ? d["savedAt"] : 0;
  return { code: d["code"], originalHash: d["originalHash"], savedAt };
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  // Chromium/WebKit say QuotaExceededError (code 22); old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
  return (
    e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22
  );
}

/**
 * A short, stable fingerprint of a text (cyrb53: 53 bits, as 14 hex digits). Not cryptographic:
 * it only tells "this original changed since the edit was saved".
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, "0");
}

/** What a saved edit means next to the current original. */
export type EditStatus = "original" | "edited" | "older-version";

/** `older-version` when the edit was made from an original that has since changed. */
export function editStatus(saved: SavedEdit | null, original: string): EditStatus {
  if (saved === null || saved.code === original) return "original";
  return saved.originalHash === hashText(original) ? "edited" : "older-version";
}
