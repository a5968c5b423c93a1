import type { Page } from "@playwright/test";

/**
 * Waits until the page has loaded and the browser is idle: what it asks for on its own is asked
 * for by then. Not "networkidle", which a prewarmed sandbox frame can hold off forever.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
}
