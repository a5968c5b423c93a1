/**
 * The page's one script for examples. It wakes each example when it comes near the viewport
 * (loading the runner frame ahead of the first click), and keeps everything heavy (editor,
 * compiler) behind dynamic imports.
 */

import { ExampleController, type ExampleData } from "./ExampleController.ts";
import { attachExampleEditor } from "./editor/index.ts";
import { RunnerHost } from "./RunnerHost.ts";
import { prewarmSandbox } from "./runner/prewarm.ts";
import { initTabs } from "./tabs.ts";
import { TimelineView } from "./timeline/TimelineView.ts";
import { parseTranscript } from "./timeline/transcript-parse.ts";

const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
const host = new RunnerHost(`${base}sandbox/runner.html`);

let dts: Promise<string> | null = null;
/** The `asyncio` declarations for the editor, generated from the runtime at build time. */
function asyncioDts(): Promise<string> {
  dts ??= fetch(`${base}asyncio.d.ts`).then((r) => {
    if (!r.ok) throw new Error(`asyncio.d.ts: HTTP ${r.status}`);
    return r.text();
  });
  return dts;
}

function readData(root: HTMLElement): ExampleData | null {
  const raw = root.querySelector("script[data-example-data]")?.textContent;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ExampleData;
  } catch {
    return null;
  }
}

function wake(root: HTMLElement): void {
  if (root.dataset.awake) return;
  root.dataset.awake = "true";
  const data = readData(root);
  if (!data) return;
  const controller = new ExampleController(root, data, host);
  const editor = attachExampleEditor({
    root,
    id: data.id,
    original: data.source,
    asyncioDts,
    requestRun: () => void controller.run(),
  });
  controller.currentSource = () => editor.code();
  controller.codeSource = async () => {
    editor.clearRuntimeErrors();
    const plan = await editor.prepareRun();
    if (plan.kind === "original") return { code: data.compiled };
    if (plan.kind === "compiled") return { code: plan.code };
    return { errors: plan.message.split("\n") };
  };
  controller.onReaderError = (position, message) => editor.markRuntimeError(position, message);
  const timelineHost = root.querySelector<HTMLElement>("[data-timeline-host]");
  if (timelineHost) {
    const timeline = new TimelineView(timelineHost, {
      onMarkHover: (i) => controller.output.highlight(i),
    });
    // Until the first run, the timeline shows what CPython recorded.
    const recorded = parseTranscript(data.pythonOut);
    if (recorded.length > 0) timeline.showTranscript(recorded);
    controller.timeline = timeline;
  }
  initTabs(root);
}

const examples = [...document.querySelectorAll<HTMLElement>("section[data-example]")];
for (const root of examples) wake(root);

prewarmSandbox(host, examples);
