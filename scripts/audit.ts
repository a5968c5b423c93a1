/**
 * `npm run audit`: Lighthouse (pinned in package.json) on the built site, served by `astro
 * preview` under the sub-path, in Debian's Chromium (or PLAYWRIGHT_CHROMIUM). Prints
 * performance, accessibility, best practices and SEO for every page (the landing page, every
 * chapter, the 404 page); fails when accessibility or best practices is below 100 on any of them.
 * With `--quick`, the landing page and three chapters only.
 *
 *   BASE_PATH=/asyncio-live/ npm run build && npm run audit [-- --quick]
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { chapterInfos } from "../tests/e2e/chapters.ts";
import { BASE_PATH, PREVIEW_PORT } from "../tests/e2e/site.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const MUST_BE_100 = new Set(["accessibility", "best-practices"]);
const DEBUG_PORT = PREVIEW_PORT + 1000;

if (!readFileSync("dist/index.html", "utf8").includes(`href="${BASE_PATH}`))
  throw new Error(`No build under ${BASE_PATH} in dist/: run \`npm run test:build\` first.`);

const chapters = chapterInfos();
const quick = process.argv.includes("--quick");
const paths = [
  "",
  ...(quick ? [0, Math.floor(chapters.length / 2), chapters.length - 1] : [...chapters.keys()]).map(
    (i) => `chapters/${chapters[i]?.id}/`,
  ),
  ...(quick ? [] : ["404.html"]),
];
const origin = `http://127.0.0.1:${PREVIEW_PORT}`;

const preview = spawn(
  "npx",
  ["astro", "preview", "--port", String(PREVIEW_PORT), "--host", "127.0.0.1"],
  { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, BASE_PATH } },
);
await new Promise<void>((resolve, reject) => {
  preview.stdout?.on("data", (d: Buffer) => {
    if (d.toString().includes(String(PREVIEW_PORT))) resolve();
  });
  preview.once("exit", (code) => reject(new Error(`astro preview exited (${code})`)));
});

const executablePath =
  process.env["PLAYWRIGHT_CHROMIUM"] ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [`--remote-debugging-port=${DEBUG_PORT}`, "--no-sandbox", "--disable-gpu"],
});

const failures: string[] = [];
try {
  console.log(`${"page".padEnd(40)} ${CATEGORIES.map((c) => c.padStart(15)).join("")}`);
  for (const path of paths) {
    const url = `${origin}${BASE_PATH}${path}`;
    const result = await lighthouse(url, {
      port: DEBUG_PORT,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    const categories = result?.lhr.categories ?? {};
    const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
    console.log(
      `${(path || "/").padEnd(40)} ${scores.map((s) => String(s).padStart(15)).join("")}`,
    );
    for (const [i, c] of CATEGORIES.entries()) {
      if (!MUST_BE_100.has(c) || scores[i] === 100) continue;
      const audits = Object.values(result?.lhr.audits ?? {})
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      failures.push(`${path || "/"}: ${c} ${scores[i]} (failing audits: ${audits.join(", ")})`);
    }
  }
} finally {
  await browser.close();
  preview.kill();
}
for (const f of failures) console.error(f);
process.exit(failures.length > 0 ? 1 : 0);
