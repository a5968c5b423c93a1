/**
 * A Predict on an example whose Python versions printed different things shows, and grades
 * against, the version the reader chose: loaded only when that is not the version the page was
 * built with (the newest recorded). It rewrites the shuffled lines and the answer's transcript
 * from that version's recording, before the list is made reorderable.
 */
import { parseTranscript } from "../../runtime/asyncio/transcript.ts";
import { lineParts } from "../stamp.ts";
import { type PredictData, predictLines } from "./predict-data.ts";
import { shuffledOrder } from "./shuffle.ts";

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  return s;
}

/**
 * Shows `version`'s recording in the Predict `root` (one of `data.versions`) and returns the
 * data to grade with. As Predict.astro renders it: same seed, same shuffle.
 * @example
 * data = showVersion(root, data, "3.11");
 */
export function showVersion(root: HTMLElement, data: PredictData, version: string): PredictData {
  const out = data.versions?.[version];
  if (out === undefined) return data;
  const transcript = parseTranscript(out);
  const lines = predictLines(transcript);
  const order = shuffledOrder(
    lines.map((l) => l.text),
    `predict:${data.id}`,
  );
  root.querySelector("[data-predict-list]")?.replaceChildren(
    ...order.map((i) => {
      const li = document.createElement("li");
      li.className = "predict-line";
      li.dataset.line = String(i);
      const grip = span("predict-grip", "⠿");
      grip.setAttribute("aria-hidden", "true");
      grip.dataset.grip = "";
      const mark = span("predict-mark", "");
      mark.dataset.mark = "";
      li.append(grip, span("predict-text", lines[i]?.text ?? ""), mark);
      return li;
    }),
  );
  root.querySelector(".predict-transcript")?.replaceChildren(
    ...transcript.map((line) => {
      const p = lineParts(line);
      const li = document.createElement("li");
      li.className = `out-line out-${p.kind}`;
      li.append(span("stamp", p.stamp), span("task", p.task), span("text", p.text));
      return li;
    }),
  );
  for (const label of root.querySelectorAll("[data-predict-version]")) label.textContent = version;
  return { ...data, version, lines, order };
}
