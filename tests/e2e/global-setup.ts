import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { BASE_PATH } from "./site.ts";

/**
 * Fails early with one clear line when there is no browser or no build to test, instead of a
 * wall of stack traces from every test.
 */
export default function globalSetup(): void {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM;
  const found =
    (explicit && existsSync(explicit)) ||
    existsSync("/usr/bin/chromium") ||
    existsSync(chromium.executablePath());
  if (!found) {
    throw new Error(
      "No Chromium found: install Debian's (apt-get install -y chromium), set PLAYWRIGHT_CHROMIUM=/path/to/chrome, or run `npx playwright install chromium`.",
    );
  }
  const index = "dist/index.html";
  if (!existsSync(index) || !readFileSync(index, "utf8").includes(`href="${BASE_PATH}`)) {
    throw new Error(`No build under ${BASE_PATH} in dist/: run \`npm run test:build\` first.`);
  }
}
