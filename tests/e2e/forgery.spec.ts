/**
 * Reader code cannot speak for the runtime (issue: the sandbox's channel can't be forged). Each
 * program below reaches the page through a share link, as someone else's code would; the page
 * must keep answering, the run must end with a clear message, and Run must work afterwards.
 * The worker's global `postMessage` is closed off to reader code (src/sandbox/worker.ts), so
 * what it posts there goes nowhere. They run one after another on one page per worker
 * (shared-page.ts), so the compiler is loaded once.
 */

import { patience } from "./patience.ts";
import { COMPILE, openShared, runWatched } from "./sandbox-run.ts";
import { expect, test } from "./shared-page.ts";

test.describe.configure({ timeout: patience(90_000) });

const RUN_ONE_SECOND = `import * as asyncio from "asyncio";
asyncio.run(async () => { await asyncio.sleep(1); print("real"); });
`;

test("an idle page: the baseline the bounds are measured against", async ({ sharedPage: page }) => {
  const shared = await openShared(page, 'print("hi");\n');
  await runWatched(page, shared, /^Finished/, COMPILE.timeout);
});

test("forged trace events (1,000 lines, one with a NaN time) are dropped; the run ends as it should", async ({
  sharedPage: page,
}) => {
  const shared = await openShared(
    page,
    `const post = (globalThis as any).postMessage;
post({ kind: "events", events: [{ type: "print", t: NaN, task: null, name: null, text: "forged" }], dropped: 0 });
for (let i = 0; i < 1000; i++) post({ kind: "events", events: [{ type: "print", t: 0, task: null, name: null, text: "forged " + i }], dropped: 0 });
${RUN_ONE_SECOND}`,
    "1x",
  );
  await runWatched(page, shared, /^Finished in \d+\.\d{3}s$/, COMPILE.timeout, async () => {
    await expect(shared.output).toContainText("real");
    await expect(shared.output).not.toContainText("forged");
  });
});

test("forged heartbeats from a synchronous loop do not keep the run alive", async ({
  sharedPage: page,
}) => {
  const shared = await openShared(
    page,
    'print("start");\nfor (;;) (globalThis as any).postMessage({ kind: "beat" });\n',
  );
  // Dropped, they are no sign of life: the loop is stopped as any loop that never awaits.
  await runWatched(
    page,
    shared,
    /^Timed out: stopped: no sign of life for 4 s \(a loop that never awaits, or memory running out\?\)$/,
    COMPILE.timeout,
  );
});

test("reader code cannot get the global postMessage back", async ({ sharedPage: page }) => {
  const shared = await openShared(
    page,
    `const g = globalThis as any;
const holders: object[] = [];
for (let o = g; o; o = Object.getPrototypeOf(o)) if (Object.hasOwn(o, "postMessage")) holders.push(o);
let refused = 0;
for (const o of holders) {
  try { Object.defineProperty(o, "postMessage", { value: () => {} }); } catch { refused++; }
}
print(String(g.postMessage).includes("native code") ? "native" : "closed", holders.length > 0 && refused === holders.length ? "fixed" : "redefinable");
`,
  );
  await shared.run();
  await expect(shared.status).toHaveText(/^Finished/, COMPILE);
  await expect(shared.output.locator(".out-line .text")).toHaveText(["closed fixed"]);
});

test("a forged end does not end the run, whatever its status or time", async ({
  sharedPage: page,
}) => {
  const shared = await openShared(
    page,
    `const post = (globalThis as any).postMessage;
post({ kind: "end", status: "finished", t: 1.5, error: null, detail: "finished" });
post({ kind: "end", status: "victory", t: "soon", error: null, detail: "" });
${RUN_ONE_SECOND}`,
  );
  await runWatched(page, shared, /^Finished in 1\.000s$/, COMPILE.timeout, () =>
    expect(shared.output).toContainText("real"),
  );
});

test("Run during a run starts a clean run that Stop stops", async ({ sharedPage: page }) => {
  const shared = await openShared(
    page,
    `import * as asyncio from "asyncio";
let n = 0;
asyncio.run(async () => { for (;;) { print("tick", n++); await asyncio.sleep(0.2); } });
`,
    "1x",
  );
  await shared.run();
  await expect(shared.output.locator(".out-line").first()).toContainText("tick 0", COMPILE);
  await shared.run();
  await expect(shared.output.locator(".out-line").first()).toContainText("tick 0", COMPILE);
  await expect(shared.output.locator(".out-line").nth(2)).toContainText("tick 2", COMPILE);
  await expect(shared.status).toHaveCount(0);
  const stop = shared.ex.getByRole("button", { name: "Stop" });
  await expect(stop).toBeEnabled();
  await stop.click();
  await expect(shared.status).toHaveText("Stopped");
});

test("an exception that cannot be printed ends the run at once", async ({ sharedPage: page }) => {
  const shared = await openShared(
    page,
    `import * as asyncio from "asyncio";
class Weird { toString(): string { throw new Error("no"); } }
asyncio.run(async () => { print("before"); throw new Weird(); });
`,
  );
  await runWatched(page, shared, /^Failed in 0\.000s$/, COMPILE.timeout, async () => {
    await expect(shared.output).toContainText("before");
    await expect(shared.output).toContainText("<exception str() failed>");
  });
});

test("a stray rejection that cannot be printed ends the run at once, saying so", async ({
  sharedPage: page,
}) => {
  const shared = await openShared(
    page,
    `Promise.reject({ toString() { throw new Error("no"); } });
setInterval(() => print("still here"), 1000);
`,
  );
  const watchOutput = shared.output;
  await shared.run();
  await expect(watchOutput).toContainText("an exception that could not be printed", COMPILE);
  await expect(shared.status).toHaveText(/^Failed/);
});

test("self.close() ends the run with a clear message and keeps what was printed", async ({
  sharedPage: page,
}) => {
  const shared = await openShared(
    page,
    `import * as asyncio from "asyncio";
asyncio.run(async () => { print("kept"); await asyncio.sleep(0.5); (globalThis as any).close(); });
`,
    "1x",
  );
  await runWatched(page, shared, /^Ended: the program closed its worker$/, COMPILE.timeout, () =>
    expect(shared.output).toContainText("kept"),
  );
});

test("the runner page runs nothing when framed without the sandbox attribute", async ({ page }) => {
  await page.goto("");
  const result = await page.evaluate(async () => {
    const runner = new URL("sandbox/runner.html", document.baseURI).href;
    const heard = new Map<Window | null, unknown[]>();
    addEventListener("message", (e) => {
      const list = heard.get(e.source as Window) ?? [];
      list.push(e.data);
      heard.set(e.source as Window, list);
    });
    const open = (sandboxed: boolean) =>
      new Promise<HTMLIFrameElement>((resolve) => {
        const f = document.createElement("iframe");
        if (sandboxed) f.setAttribute("sandbox", "allow-scripts");
        f.src = runner;
        f.onload = () => resolve(f);
        document.body.append(f);
      });
    const [bare, boxed] = await Promise.all([open(false), open(true)]);
    const run = { channel: "x", kind: "run", run: 1, code: 'print("ran")', speed: "instant" };
    // As the page does: hand each frame a private port, then ask for the run over it.
    for (const frame of [bare, boxed]) {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (e) => {
        const list = heard.get(frame.contentWindow) ?? [];
        list.push(e.data);
        heard.set(frame.contentWindow, list);
      };
      frame.contentWindow?.postMessage({ channel: "*", kind: "port" }, "*", [port2]);
      port1.postMessage(run);
    }
    // The sandboxed control runs the same program to its end; by then the bare one would have too.
    await new Promise<void>((resolve) => {
      const check = () => {
        const got = heard.get(boxed.contentWindow) ?? [];
        if (got.some((m) => (m as { kind?: string }).kind === "end")) resolve();
        else setTimeout(check, 50);
      };
      check();
    });
    return {
      bare: heard.get(bare.contentWindow)?.length ?? 0,
      boxed: (heard.get(boxed.contentWindow) ?? []).map((m) => (m as { kind: string }).kind),
    };
  });
  expect(result.boxed).toContain("ready");
  expect(result.boxed).toContain("end");
  expect(result.bare).toBe(0);
});
