/**
 * Runs tests/e2e/editor.spec.ts against the editor harness (one widget with the site's DOM
 * contract), so the editor can be checked before the site's widget is wired:
 * `npx vite build -c bench/editor-harness/vite.config.ts && npx playwright test -c bench/editor-harness/playwright.config.ts`
 */
import { defineConfig } from "@playwright/test";

process.env.EDITOR_E2E_PAGE = "./";
process.env.EDITOR_E2E_EXAMPLE = "hello";

export default defineConfig({
  testDir: "../../tests/e2e",
  testMatch: "editor.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "/tmp/editor-harness-results",
  use: {
    baseURL: "http://127.0.0.1:4391/",
    browserName: "chromium",
    launchOptions: { executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] },
  },
  webServer: {
    command: "npx vite preview -c bench/editor-harness/vite.config.ts --host 127.0.0.1",
    cwd: "../..",
    url: "http://127.0.0.1:4391/",
    reuseExistingServer: true,
  },
});
