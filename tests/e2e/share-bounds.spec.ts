/**
 * A share link cannot freeze the page (issue: bound the decoding before it starts). Links are
 * made here from a repeated pattern that lz-string compresses extremely well, the table
 * of them: a link of ordinary length that would expand to 100 or 450 million characters if
 * decoded in full, opened on pages with few and many examples, and by `hashchange`.
 */
import { expect, type Page, test } from "@playwright/test";
import { compressRepeated } from "../support/lz-bomb.ts";
import { PAGE_TASK_CPU_MS, traceMainThread } from "./main-thread-trace.ts";
import { patience } from "./patience.ts";
import { floodRoundTripBound, roundTripBound } from "./responsiveness.ts";

test.describe.configure({ timeout: patience(120_000) });

const TOO_LONG = "carries more than 20,000 characters of code";

/**
 * A share hash whose code is `size` characters of one repeated character, in the envelope
 * lz-string would write for `JSON.stringify({ v: 1, c: code, h })`, made by the test's own
 * compressor (lz-string's takes minutes for this). Its `h` is a placeholder: a page that
 * decoded far enough to check it would already have failed the test.
 */
function bombHash(id: string, size: number): string {
  return `#share=${id}:${compressRepeated({ prefix: '{"v":1,"c":"', unit: "x", count: size, suffix: '","h":"0"}' })}`;
}

/** Polls the page every 100 ms while `during` runs; the longest round trip. */
async function worstRoundTrip(page: Page, during: () => Promise<void>): Promise<number> {
  let running = true;
  let worst = 0;
  const poll = (async () => {
    while (running) {
      const sent = Date.now();
      // A round trip cut by the navigation itself (the page opening the link) is no sample.
      const answered = await page
        .evaluate(() => 1)
        .then(
          () => true,
          () => false,
        );
      if (answered) worst = Math.max(worst, Date.now() - sent);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await during();
  } finally {
    running = false;
    await poll;
  }
  return worst;
}

/** Issue 20's table: links of ordinary length that expand enormously, and where they are opened. */
const LINK_100M = bombHash("hello-gather", 99_991_033);
const LINK_450M = bombHash("hello-gather", 449_985_022);

/**
 * The page answers throughout: no task of its main thread takes 200 ms of CPU (unscaled: the
 * issue's bound, main-thread-trace.ts), and the round trip from outside stays under its
 * load-scaled net.
 */
async function answersThroughout(
  page: Page,
  what: string,
  during: () => Promise<void>,
  navigate?: string,
) {
  const { result: worst, work } = await traceMainThread(page, async () => {
    // Polled from the moment the new document exists: before, a round trip waits for the
    // network and the navigation, not for the page.
    if (navigate) await page.goto(navigate, { waitUntil: "commit" });
    return worstRoundTrip(page, during);
  });
  console.log(
    `${what}: worst round trip ${worst} ms, longest page task ${work.longestCpu.toFixed(0)} ms CPU (${work.longestWall.toFixed(0)} ms wall)`,
  );
  expect(work.longestCpu).toBeLessThan(PAGE_TASK_CPU_MS);
  // While a page loads, a round trip waits behind its loading tasks (measured 300–450 ms for a
  // chapter without a link, in a fresh context with a cold cache): a net for a freeze, there.
  expect(worst).toBeLessThan(navigate ? floodRoundTripBound() : roundTripBound());
}

test("the links are as the issue measured them: 30 KB for 100 million characters, 70 KB for 450 million", () => {
  expect(LINK_100M.length).toBeLessThan(31_000);
  expect(LINK_450M.length).toBeLessThan(70_000);
});

/** Every example widget of the page has woken (has its editor controller, which reads the hash). */
async function allAwake(page: Page): Promise<void> {
  // Counted once the document is parsed: the test may start at the navigation's commit.
  await page.waitForLoadState("domcontentloaded");
  const widgets = await page.locator("section[data-example]").count();
  expect(widgets).toBeGreaterThan(1);
  await expect(page.locator("section[data-example][data-awake]")).toHaveCount(widgets);
}

for (const { link, size, chapter, own } of [
  { link: LINK_100M, size: "100 M", chapter: "why-async", own: true },
  { link: LINK_100M, size: "100 M", chapter: "gather-vs-wait", own: false },
  { link: LINK_450M, size: "450 M", chapter: "why-async", own: true },
  { link: LINK_450M, size: "450 M", chapter: "tasks-and-futures", own: false },
]) {
  test(`a link that expands to ${size} characters, opened on the ${chapter} page${own ? "" : ", which lacks its example"}`, async ({
    page,
  }) => {
    await answersThroughout(
      page,
      `${size} on ${chapter}`,
      async () => {
        await allAwake(page);
        if (own)
          await expect(page.locator('section[data-example="hello-gather"]')).toContainText(
            TOO_LONG,
          );
        // Every widget has asked about the hash once it has its editor controller.
        else await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
      },
      `chapters/${chapter}/${link}`,
    );
  });
}

test("the 100 M link arriving by hashchange after load shows the message", async ({ page }) => {
  await page.goto("chapters/why-async/");
  await allAwake(page);
  await answersThroughout(page, "100 M by hashchange", async () => {
    await page.evaluate((h) => {
      location.hash = h;
    }, LINK_100M);
    await expect(page.locator('section[data-example="hello-gather"]')).toContainText(TOO_LONG);
  });
});

test("a hash longer than any real link is refused before decoding", async ({ page }) => {
  const long = `#share=hello-gather:${"A".repeat(90_000)}`;
  await page.goto(`chapters/why-async/${long}`);
  await expect(page.locator('section[data-example="hello-gather"]')).toContainText(TOO_LONG);
});
