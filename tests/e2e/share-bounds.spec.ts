/**
 * A share link cannot freeze the page (issue: bound the decoding before it starts). Links are
 * made here from a repeated pattern that lz-string compresses extremely well, so a link of
 * ordinary length would expand to tens of millions of characters if decoded in full.
 */
import { expect, type Page, test } from "@playwright/test";
import { hashText } from "../../src/playground/editor/edits-store.ts";
import { compressRepeated } from "../support/lz-bomb.ts";
import { recordLongTasks, roundTripBound } from "./responsiveness.ts";

test.describe.configure({ timeout: 120_000 });

const TOO_LONG = "carries more than 20,000 characters of code";

/**
 * A well-formed share hash whose code is `size` characters of one repeated line. The envelope
 * is written as lz-string would write `JSON.stringify({ v: 1, c: code, h })`, by the test's own
 * compressor (lz-string's takes seconds for this, in every process that loads the file).
 */
function bombHash(id: string, size: number): string {
  const line = "print('x')\n";
  const count = Math.ceil(size / line.length);
  const code = line.repeat(count);
  const escaped = JSON.stringify(line).slice(1, -1);
  const envelope = {
    prefix: '{"v":1,"c":"',
    unit: escaped,
    count,
    suffix: `","h":${JSON.stringify(hashText(code))}}`,
  };
  return `#share=${id}:${compressRepeated(envelope)}`;
}

/** Polls the page every 100 ms while `during` runs; the longest round trip. */
async function worstRoundTrip(page: Page, during: () => Promise<void>): Promise<number> {
  let running = true;
  let worst = 0;
  const poll = (async () => {
    while (running) {
      const sent = Date.now();
      await page.evaluate(() => 1);
      worst = Math.max(worst, Date.now() - sent);
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

const BOMB = bombHash("hello-gather", 2_000_000);

test("a link that would expand to 2 million characters shows the message on a 2-example page", async ({
  page,
}) => {
  expect(BOMB.length).toBeLessThan(80_000);
  await recordLongTasks(page);
  await page.goto("chapters/why-async/");
  const worst = await worstRoundTrip(page, async () => {
    await page.evaluate((h) => {
      location.hash = h;
    }, BOMB);
    await expect(page.locator('section[data-example="hello-gather"]')).toContainText(TOO_LONG);
  });
  console.log(`bomb by hashchange: worst round trip ${worst} ms`);
  expect(worst).toBeLessThan(roundTripBound());
});

test("the same link opened directly, on the page of its example", async ({ page }) => {
  await page.goto(`chapters/why-async/${BOMB}`);
  const worst = await worstRoundTrip(page, () =>
    expect(page.locator('section[data-example="hello-gather"]')).toContainText(TOO_LONG),
  );
  console.log(`bomb on load: worst round trip ${worst} ms`);
  expect(worst).toBeLessThan(roundTripBound());
});

test("the same link on a 12-example page without its example leaves the page answering", async ({
  page,
}) => {
  await page.goto(`chapters/gather-vs-wait/${BOMB}`);
  const worst = await worstRoundTrip(page, async () => {
    await expect(page.locator("section[data-example][data-awake]")).toHaveCount(12);
    // Every widget has asked about the hash once it has its editor controller.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  });
  console.log(`bomb on a 12-example page: worst round trip ${worst} ms`);
  expect(worst).toBeLessThan(roundTripBound());
});

test("a hash longer than any real link is refused before decoding", async ({ page }) => {
  const long = `#share=hello-gather:${"A".repeat(90_000)}`;
  await page.goto(`chapters/why-async/${long}`);
  await expect(page.locator('section[data-example="hello-gather"]')).toContainText(TOO_LONG);
});
