/** The sub-path the e2e build is made under, so every test also checks base-path handling. */
export const BASE_PATH = "/asyncio-live/";
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4329);

/**
 * The context options every e2e context needs: the site as base URL, and no offline worker (it
 * would download every page: only the offline tests let it run). The config's `use` spreads
 * them; worker-scoped fixtures pass them themselves (Playwright gives `use` only to the
 * contexts it makes per test).
 */
export const SITE_CONTEXT = {
  baseURL: `http://127.0.0.1:${PREVIEW_PORT}${BASE_PATH}`,
  serviceWorkers: "block",
} as const;
