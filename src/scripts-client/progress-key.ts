/** Where the reader's progress is kept in `localStorage` (read by `progress.ts`, written by `progress-store.ts`). */
export const PROGRESS_KEY = "asyncio-live:progress";
