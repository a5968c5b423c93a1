/**
 * What a page asks of the site's service worker: keep these files (same-origin URLs under the
 * worker's scope) in its cache, fetching those it lacks. A page that loaded them before the
 * worker controlled it (the worker is registered once the first page is idle) fetched them
 * past the worker, which kept nothing; a later page would then wait for the network again.
 */
export interface KeepMessage {
  kind: "keep";
  urls: string[];
}

/** At most this many files per message (Run Python's are seven). */
export const KEEP_MAX_URLS = 16;

/** Whether `url` is the site's, under the service worker's `scope` (what it serves and keeps). */
export function isUnderScope(url: URL, scope: URL): boolean {
  return url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
}

/** `data` as a KeepMessage whose URLs are all under `scope`, or null. */
export function keepMessage(data: unknown, scope: URL): KeepMessage | null {
  const m = data as Partial<KeepMessage> | null;
  if (typeof m !== "object" || m === null || m.kind !== "keep" || !Array.isArray(m.urls))
    return null;
  if (m.urls.length > KEEP_MAX_URLS) return null;
  const under = (u: unknown) =>
    typeof u === "string" && URL.canParse(u) && isUnderScope(new URL(u), scope);
  return m.urls.every(under) ? { kind: "keep", urls: m.urls as string[] } : null;
}

/**
 * Asks the site's service worker, once one is active, to keep `urls` (nothing happens where
 * there is none: the worker is blocked, or a development server).
 * @example
 * askToKeep(["/asyncio-live/sandbox/pyodide/pyodide.asm.wasm"]);
 */
export function askToKeep(urls: string[]): void {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return;
  const message: KeepMessage = {
    kind: "keep",
    urls: urls.map((u) => new URL(u, location.href).href),
  };
  void container.ready.then((registration) => registration.active?.postMessage(message));
}
