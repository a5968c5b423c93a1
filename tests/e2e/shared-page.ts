/**
 * One page per Playwright worker, for tests that open reader code by share link and need only
 * the state they set themselves (the sandbox's floods, forgeries and errors). Shared code is
 * compiled in the page by esbuild-wasm, and loading it was most of such a test's time (measured
 * on the shared machine: 3–8 s on a fresh page, 0.4–0.6 s for the next program on the same
 * page); a share link opened on the chapter already shown is a hash change, so the compiler
 * stays loaded from one test to the next. Each test still opens its own link, runs its own
 * program and checks that Run works afterwards; a test that fails ends its worker (Playwright
 * starts a new one), so the tests after it get a fresh page.
 */
import { test as base, type Page } from "@playwright/test";
import { SITE_CONTEXT } from "./site.ts";

export const test = base.extend<object, { sharedPage: Page }>({
  sharedPage: [
    async ({ browser }, use) => {
      const context = await browser.newContext(SITE_CONTEXT);
      await use(await context.newPage());
      await context.close();
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
