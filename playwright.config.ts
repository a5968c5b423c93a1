import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "@playwright/test";
import { patience } from "./tests/e2e/patience.ts";
import { BASE_PATH, PREVIEW_PORT, SITE_CONTEXT } from "./tests/e2e/site.ts";

/**
 * The browser: PLAYWRIGHT_CHROMIUM if set, else Debian's /usr/bin/chromium, else the browser
 * Playwright installed itself (undefined lets Playwright look). The e2e tests run against
 * `astro preview` of the production build made by `npm run test:build` under a sub-path.
 */
function chromiumPath(): { executablePath: string } | Record<string, never> {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM=${fromEnv} does not exist.`);
    return { executablePath: fromEnv };
  }
  if (existsSync("/usr/bin/chromium")) return { executablePath: "/usr/bin/chromium" };
  return {};
}

// One output folder per run (workers inherit the env), so runs at the same time do not collide.
process.env.PW_RUN_ID ??= String(Date.now());

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${process.env.PW_RUN_ID}`,
  fullyParallel: true,
  // Playwright's default is half the cores: one worker on a 2-core machine (CI's size), where
  // two keep both cores busy while one test waits on the page. CI may or may not set CI=true.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  // Tests wait for states (an attribute, an event, a line), so these bounds only decide how
  // long a failing test takes to say so; they are set for a 2-core machine with both cores
  // pinned by other work (`BUSY_CORES=2 bash .ci/run` runs the suite that way: scripts/e2e.ts),
  // and stretched on a machine busier than that (tests/e2e/patience.ts).
  timeout: patience(90_000),
  expect: { timeout: patience(30_000) },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    // The site as base URL, and no offline worker (it downloads every page: only the offline
    // tests let it run, tests/e2e/offline.spec.ts); worker-scoped fixtures pass the same.
    ...SITE_CONTEXT,
    browserName: "chromium",
    launchOptions: {
      ...chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    // Recording a trace of every test (to keep those that fail) cost a fifth to a third of the
    // suite's time (predict + exercise specs, interleaved on the loaded machine: 88 and 109 s
    // with traces, 74 and 65 s without; 83 and 88 s with snapshots but no screenshots). A
    // failure keeps a screenshot; PW_TRACE=1 records traces again to look into one.
    trace: process.env.PW_TRACE ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `npx astro preview --port ${PREVIEW_PORT} --host 127.0.0.1`,
    url: SITE_CONTEXT.baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { BASE_PATH },
  },
});
