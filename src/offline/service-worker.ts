/**
 * The site's service worker: after a first visit every chapter reads and runs offline.
 *
 * Built by `src/integrations/service-worker.ts`, which fills in the precache list and the
 * version. One cache per version: a new deploy installs a new worker that fills a new cache,
 * and its activation deletes the old ones, so a reader never mixes two deploys' files.
 *
 * - Pages: the network first (a reader online always gets the current page), the cache when
 *   the network fails. A page's query (`?highlight=`) does not make it a different page.
 * - Everything else: the cache first; what the cache lacks comes from the network and is kept,
 *   so the editor, the compiler and Python work offline once they have been used.
 */

import { isUnderScope, keepMessage } from "./keep-message.ts";

// The few service-worker types this file needs; the project's `lib` is the DOM's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerSelf {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (e: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (e: ExtendableMessageEvent) => void): void;
}

declare const __PRECACHE__: string[];
declare const __VERSION__: string;

const worker = self as unknown as WorkerSelf;
const PREFIX = "asyncio-live-";
const CACHE = `${PREFIX}${__VERSION__}`;
const scope = new URL(worker.registration.scope);
// A file is the same file whatever its query (`?highlight=`) and whatever the request's
// headers: hosts answer `Vary: Origin`, and a module script is requested with an Origin that
// the install's plain request did not send.
const LOOSE: CacheQueryOptions = { ignoreSearch: true, ignoreVary: true };

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(__PRECACHE__.map((path) => new URL(path, scope).href));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await worker.clients.claim();
    })(),
  );
});

async function pageFirstFromNetwork(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(new URL(request.url).pathname, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: CACHE, ...LOOSE });
    if (cached) return cached;
    throw error;
  }
}

/** `keep` holds the worker alive for a promise that outlives the answer (`waitUntil`). */
async function fileFirstFromCache(
  request: Request,
  keep: (work: Promise<unknown>) => void,
): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, LOOSE);
  if (cached) return cached;
  const response = await fetch(request);
  // Only whole, successful answers are kept (a 206 range or an error must not stick). Kept
  // beside the answer, not before it: awaited, a 10 MB file reached the page only once it was
  // all on disk, and its download's progress stood still until then.
  if (response.status === 200) keep(cache.put(request, response.clone()).catch(() => {}));
  return response;
}

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!isUnderScope(url, scope)) return;
  event.respondWith(
    request.mode === "navigate"
      ? pageFirstFromNetwork(request)
      : fileFirstFromCache(request, (work) => event.waitUntil(work)),
  );
});

/** Fetches and keeps what a page asks to keep (keep-message.ts) and the cache lacks. */
async function keepFiles(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(CACHE);
  for (const url of urls) {
    if (await cache.match(url, LOOSE)) continue;
    const response = await fetch(url);
    if (response.status === 200) await cache.put(url, response);
  }
}

worker.addEventListener("message", (event) => {
  const message = keepMessage(event.data, scope);
  if (message) event.waitUntil(keepFiles(message.urls).catch(() => {}));
});
