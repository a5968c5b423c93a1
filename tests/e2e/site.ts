/** The sub-path the e2e build is made under, so every test also checks base-path handling. */
export const BASE_PATH = "/asyncio-live/";
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4329);
