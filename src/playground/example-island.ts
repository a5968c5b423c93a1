/**
 * The page's one script for examples: it defines `<asyncio-example>` with the page's
 * collaborators (the sandbox, the editor, the timeline, exercises' checks), and keeps
 * everything heavy (editor, compiler) behind dynamic imports.
 */

import { drawWhenNear } from "./drawn-near.ts";
import { attachExampleEditor } from "./editor/index.ts";
import {
  defineExampleElement,
  EXAMPLE_TAG,
  type ExampleElement,
} from "./example/example-element.ts";
import { CheckListener } from "./exercise/check-listener.ts";
import { checkLoader } from "./exercise/check-loader.ts";
import { installLineCopy } from "./line-copy.ts";
import { LazyRunner } from "./runner/lazy-runner.ts";
import { prewarmSandbox } from "./runner/prewarm.ts";
import { LazyTimeline } from "./timeline/lazy-timeline.ts";

const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
const host = new LazyRunner(`${base}sandbox/runner.html`);

let dts: Promise<string> | null = null;
/** The `asyncio` declarations for the editor, generated from the runtime at build time. */
function asyncioDts(): Promise<string> {
  dts ??= fetch(`${base}asyncio.d.ts`).then((r) => {
    if (!r.ok) throw new Error(`asyncio.d.ts: HTTP ${r.status}`);
    return r.text();
  });
  return dts;
}

defineExampleElement({
  runner: host,
  attachEditor: (section, data, requestRun, requestPythonRun) =>
    attachExampleEditor({
      root: section,
      id: data.id,
      original: data.source,
      asyncioDts,
      requestRun,
      requestPythonRun,
    }),
  createTimeline: (timelineHost, onMarkHover) => new LazyTimeline(timelineHost, onMarkHover),
  exerciseCheck: (exercise) => {
    const id = exercise.dataset.exercise;
    const status = exercise.querySelector<HTMLElement>("[data-check-result]");
    return id && status ? new CheckListener(status, id, checkLoader(id)) : null;
  },
});

const examples = [...document.querySelectorAll<HTMLElement>("section[data-example]")];

prewarmSandbox(
  examples,
  (section) => section.closest<ExampleElement>(EXAMPLE_TAG)?.prepare(),
  () => host.interacting(),
);

installLineCopy(document);
// Recorded outputs and Predict answers are drawn as they come near (the DOM budget).
drawWhenNear(document);
