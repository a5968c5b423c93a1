/** The sub-path the e2e build is made under, so every test also checks base-path handling. */
export const BASE_PATH = "/asyncio-live/";
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4329);

/**
 * The context options of the config's `use` that worker-scoped fixtures must pass themselves
 * (Playwright gives them only to the contexts it makes per test): the site as base URL, and no
 * offline worker (it would download every page: only the offline tests let it run).
 */
export const SITE_CONTEXT = {
  baseURL: `http://127.0.0.1:${PREVIEW_PORT}${BASE_PATH}`,
  serviceWorkers: "block",
} as const;
