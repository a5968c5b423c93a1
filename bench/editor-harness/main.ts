/**
 * Stand-in for the Example widget, wired the way the lead's widget should wire the editor
 * controller: Run asks `prepareRun()` what to run, runtime errors are mapped with
 * `mapCompiledPosition` and marked with `markRuntimeError`. Runs code in a module worker with
 * stand-ins for the sandbox's globals (the real runner is not part of this harness).
 */
import { attachExampleEditor } from "../../src/playground/editor/index.ts";
import { DTS, ORIGINAL } from "./example.ts";

declare const __PRECOMPILED__: string;
const precompiled = __PRECOMPILED__;

const root = document.querySelector<HTMLElement>('section[data-example="hello"]')!;
document.getElementById("hello-src")!.textContent = ORIGINAL;
const output = root.querySelector<HTMLElement>("[data-output]")!;

const WORKER = `
const lines = [];
globalThis.print = (...a) => postMessage({ line: a.map(String).join(" ") });
globalThis.__asyncio = {
  sleep: (s) => new Promise((r) => setTimeout(r, s * 10)),
  run: (f) => f().then(() => postMessage({ end: true }), (e) => postMessage({ error: String(e), stack: e.stack })),
};
onmessage = async (e) => {
  const url = URL.createObjectURL(new Blob([e.data], { type: "text/javascript" }));
  try { await import(url); } catch (err) { postMessage({ error: String(err), stack: err.stack, url }); }
};
self.addEventListener("error", (e) => postMessage({ error: e.message, stack: "at " + e.filename + ":" + e.lineno + ":" + e.colno }));
`;

function show(text: string): void {
  const p = document.createElement("div");
  p.textContent = text;
  output.append(p);
}

async function run(): Promise<void> {
  output.replaceChildren();
  editor.clearRuntimeErrors();
  const plan = await editor.prepareRun();
  if (plan.kind === "compile-error") return show(plan.errors.map((e) => e.text).join("\n"));
  if (plan.kind === "compiled") for (const e of plan.typeErrors) show(e.text);
  const code = plan.kind === "original" ? precompiled : plan.code;
  const worker = new Worker(URL.createObjectURL(new Blob([WORKER], { type: "text/javascript" })));
  worker.onmessage = (e) => {
    const m = e.data as { line?: string; error?: string; stack?: string; end?: boolean };
    if (m.line !== undefined) show(m.line);
    if (m.error) {
      const at = /blob:[^\s)]*:(\d+):(\d+)/.exec(m.stack ?? "");
      const pos =
        at && plan.kind === "compiled"
          ? editor.mapCompiledPosition(Number(at[1]), Number(at[2]))
          : null;
      show(pos ? `${m.error} (main.ts:${pos.line}:${pos.column})` : m.error);
      if (pos) editor.markRuntimeError({ text: m.error, where: pos });
    }
    if (m.end || m.error) worker.terminate();
  };
  worker.postMessage(code);
}

const editor = attachExampleEditor({
  root,
  id: "hello",
  original: ORIGINAL,
  asyncioDts: async () => DTS,
  requestRun: () => void run(),
});
root.querySelector('button[data-action="run"]')!.addEventListener("click", () => void run());
Object.assign(window, { __editor: editor });
