/**
 * Run Python: the real CPython (Pyodide) in the sandbox, fetched only when first pressed.
 */
import { expect, type Locator, type Page, type Request } from "@playwright/test";
import { chapterPageTest } from "./chapter-page.ts";
import { exampleAtInstant, openAtInstant } from "./open-example.ts";
import { patience } from "./patience.ts";
import { roundTripBound, watchPage } from "./responsiveness.ts";
import { PREVIEW_PORT } from "./site.ts";

// task-names prints differently on 3.14 (as on 3.13) than on 3.11; 3.14 is the version Pyodide
// runs and records (scripts/python/pyodide_backend.py): a byte-for-byte check against that
// recording, and one the TypeScript twin (which follows 3.11) cannot pass.
const CHAPTER = "chapters/tasks-and-futures/";
const ID = "task-names";
/** The first Run Python downloads and boots Pyodide (about 12 MB); a loaded machine is slow at it. */
const LOAD = { timeout: patience(120_000) };

/**
 * Tests that only run Python on the example share one page per worker (chapter-page.ts): Pyodide
 * is fetched and its wasm compiled once, and each run takes the interpreter booted ahead.
 */
const test = chapterPageTest(CHAPTER);

// Each test boots Pyodide at least twice (the run's worker and the spare), several runs each.
test.describe.configure({ timeout: patience(300_000) });

const isPyodideByte = (url: string) =>
  url.includes("/sandbox/pyodide/") || url.includes("python-worker.js");

function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  const note = (r: Request) => urls.push(r.url());
  page.context().on("request", note);
  return urls;
}

const openExample = (page: Page) => openAtInstant(page, CHAPTER, ID);

/** The example on the worker's shared page, in view and awake, at Instant. */
const sharedExample = (page: Page) => exampleAtInstant(page, ID);

/** Runs `source` as the reader's Python (the widget's public `runPython`). */
async function runPythonSource(ex: Locator, source: string): Promise<void> {
  await ex.evaluate((section, code) => {
    const element = section.closest("asyncio-example") as unknown as {
      runPython(source?: string): Promise<void>;
    };
    void element.runPython(code);
  }, source);
}

test("Run Python prints CPython 3.14's recorded lines byte for byte; no Pyodide byte before the press, none from elsewhere", async ({
  page,
}) => {
  const urls = recordRequests(page);
  const { ex, output } = await openExample(page);
  // The reader points at the example and even runs the TypeScript twin: still no Pyodide.
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output.locator(".out-status")).toContainText("Finished");
  expect(urls.filter(isPyodideByte)).toEqual([]);

  await ex.getByRole("button", { name: "Run Python" }).click();
  await expect(output.locator(".out-status")).toContainText("Finished", LOAD);
  expect(urls.filter(isPyodideByte).length).toBeGreaterThan(0);
  await expect(page.locator("html")).toHaveAttribute("data-python-version", "3.14.2");

  const recorded = ex.locator('.py-output ol[data-py-version-of="3.14"] .out-line');
  const expected = await recorded.allTextContents();
  expect(expected.length).toBeGreaterThan(0);
  await expect(output.locator(".out-line")).toHaveText(expected);
  await expect(ex.locator("[data-verdict]")).toHaveText(/Same as Python/);

  // A second run on the same page starts from a Python booted ahead, and prints the same.
  await ex.getByRole("button", { name: "Run Python" }).click();
  await expect(output.locator(".out-status")).toContainText("Finished", LOAD);
  await expect(output.locator(".out-line")).toHaveText(expected);

  const site = `http://127.0.0.1:${PREVIEW_PORT}/`;
  const elsewhere = urls.filter(
    (u) => !u.startsWith(site) && !u.startsWith("blob:") && !u.startsWith("data:"),
  );
  expect(elsewhere).toEqual([]);
});

test("a thread that blocks on a loop in another thread runs in the page as CPython 3.14 printed it", async ({
  page,
}) => {
  // bridge-threadsafe: the main thread waits on run_coroutine_threadsafe futures (2 s timeout)
  // while the loop runs in a thread of its own: threads on JSPI stacks (pyodide_threads.py).
  const { ex, output } = await openAtInstant(
    page,
    "chapters/bridging-sync-and-async/",
    "bridge-threadsafe",
  );
  await ex.getByRole("button", { name: "Run Python" }).click();
  await expect(output.locator(".out-status")).toContainText("Finished", LOAD);
  const recorded = ex.locator('.py-output ol[data-py-version-of="3.14"] .out-line');
  const expected = await recorded.allTextContents();
  expect(expected.length).toBe(8);
  await expect(output.locator(".out-line")).toHaveText(expected);
  await expect(ex.locator("[data-verdict]")).toHaveText(/Same as Python/);
});

test("Stop ends `while True: pass`, and Run Python works again", async ({
  chapterPage: { page },
}) => {
  const { ex, output } = await sharedExample(page);
  await runPythonSource(ex, 'print("start")\nwhile True:\n    pass\n');
  await expect(ex.getByRole("button", { name: "Stop" })).toBeEnabled(LOAD);
  await expect(output.locator(".out-line")).toHaveText([/^\+0\.000s\s*loop\s*start$/], LOAD);
  await ex.getByRole("button", { name: "Stop" }).click();
  await expect(output.locator(".out-status")).toHaveText(/Stopped/);
  await runPythonSource(ex, 'print("again")\n');
  await expect(output.locator(".out-line")).toHaveText([/^\+0\.000s\s*loop\s*again$/], LOAD);
});

test("an endless Python loop left alone times out", async ({ chapterPage: { page } }) => {
  const { ex, output } = await sharedExample(page);
  await runPythonSource(ex, "while True:\n    pass\n");
  await expect(output.locator(".out-status")).toContainText("Timed out", LOAD);
});

test("hostile Python is contained: no JavaScript, no network, no packages, a print flood is capped", async ({
  chapterPage: { page, offSite },
}) => {
  const { ex, output } = await sharedExample(page);
  const cases: [string, RegExp][] = [
    ["import js\njs.fetch('https://example.com/')\n", /No module named 'js'/],
    ["from pyodide.http import pyfetch\n", /No module named 'pyodide/],
    ["import micropip\nmicropip.install('requests')\n", /No module named 'micropip'.*network/],
    ["import pyodide_js\n", /No module named 'pyodide_js'/],
  ];
  for (const [source, message] of cases) {
    await runPythonSource(ex, source);
    await expect(output.locator(".out-status")).toContainText("Failed", LOAD);
    await expect(output).toContainText(message);
  }
  await runPythonSource(ex, 'i = 0\nwhile True:\n    print("line", i)\n    i += 1\n');
  await expect(output.locator(".out-status")).toContainText("printed more than 5,000 lines", LOAD);
  // Every request of the page, from its load on.
  expect(offSite).toEqual([]);
});

test("a memory bomb ends in Python's own error at once, the page answers throughout, and Run Python works again", async ({
  chapterPage: { page },
}) => {
  const { ex, output } = await sharedExample(page);
  const status = output.locator(".out-status");
  // Pyodide is fetched and booted first: the watch below is of the bombs, not of the download.
  await runPythonSource(ex, 'print("ready")\n');
  await expect(output.locator(".out-line")).toHaveText([/ready$/], LOAD);
  // Each: the program, what it prints, and whether it fills the heap bit by bit (a loop).
  const bombs: [string, RegExp, boolean][] = [
    // 10**10 bytes do not fit a 32-bit interpreter's sizes: CPython's own error for that.
    [
      "x = bytearray(10**10)\n",
      /OverflowError: cannot fit 'int' into an index-sized integer/,
      false,
    ],
    ["x = bytearray(2**31 - 1)\n", /MemoryError/, false],
    ['l = []\nwhile True:\n    l.append("x" * 10**6)\n', /MemoryError/, true],
    [
      [
        "import asyncio",
        "async def hog():",
        "    l = []",
        "    while True:",
        '        l.append("x" * 10**6)',
        "        await asyncio.sleep(0)",
        "async def main():",
        "    await asyncio.create_task(hog())",
        "asyncio.run(main())",
        "",
      ].join("\n"),
      /MemoryError/,
      true,
    ],
  ];
  for (const [source, message, filling] of bombs) {
    await expect(status).toBeVisible();
    const watch = await watchPage(page);
    await runPythonSource(ex, source);
    // Python's own error; on a machine so loaded that filling the heap outlasts the frame's
    // limits (at load 20 the asyncio hog took 7-11 s in node), its watchdog: silence, which says
    // why it may have stopped, or, for the hog that awaits, the wall-time limit.
    await expect(status).toContainText(
      filling ? /Failed|memory running out|s of wall time/ : /Failed/,
      LOAD,
    );
    const worst = await watch.stop();
    const ended = await status.textContent();
    console.log(`${source.split("\n").at(-2)}: "${ended}", worst round trip ${worst} ms`);
    expect(worst).toBeLessThan(roundTripBound());
    if (ended?.startsWith("Failed"))
      await expect(output.locator(".out-line").filter({ hasText: message })).not.toHaveCount(0);
  }
  await runPythonSource(ex, 'print("again")\n');
  await expect(output.locator(".out-line")).toHaveText([/^\+0\.000s\s*loop\s*again$/], LOAD);
});

test("after the sandbox crashes under a Run Python, the next Run Python runs in the new sandbox", async ({
  page,
}) => {
  const { ex, output } = await openExample(page);
  await ex.getByLabel("Speed").selectOption("1x");
  await runPythonSource(ex, 'import asyncio\nprint("before")\nasyncio.run(asyncio.sleep(60))\n');
  await expect(output.locator(".out-line")).toHaveText([/before$/], LOAD);
  // Playwright marks the whole page crashed when one of its frames' processes ends, though the
  // page lives on: from here the page is read through a CDP session of its own.
  const session = await page.context().newCDPSession(page);
  const inPage = async (expression: string): Promise<unknown> =>
    (await session.send("Runtime.evaluate", { expression, returnByValue: true })).result.value;
  const widget = `document.querySelector('section[data-example="${ID}"]')`;
  const status = () => inPage(`${widget}.querySelector(".out-status")?.textContent ?? ""`);
  const lines = () =>
    inPage(`[...${widget}.querySelectorAll(".out-line")].map((l) => l.textContent).join("\\n")`);
  const frame = await (await page.locator("iframe.runner-frame").elementHandle())?.contentFrame();
  if (!frame) throw new Error("no sandbox frame");
  await (await page.context().newCDPSession(frame)).send("Page.crash").catch(() => {});
  await expect.poll(status, LOAD).toMatch(/^Stopped: the sandbox crashed/);
  // The page loaded Python once; the new frame must be given it again.
  await inPage(`${widget}.closest("asyncio-example").runPython('print("after")\\n')`);
  await expect.poll(status, LOAD).toMatch(/^Finished/);
  expect(await lines()).toMatch(/after$/);
});
