/**
 * The page script for "Predict the output": makes the shuffled lines reorderable, and on
 * "Check my answer" marks each line (in words, not colour alone), says how the order and the
 * time guess did, and unfolds the real transcript with the explanation.
 */
import { lastLineTime, type PredictData } from "./predict-data.ts";
import { ReorderList } from "./reorder-list.ts";
import { describeScore, parseSeconds, scorePrediction } from "./score.ts";

function readData(root: HTMLElement): PredictData | null {
  try {
    return JSON.parse(
      root.querySelector("script[data-predict-data]")?.textContent ?? "",
    ) as PredictData;
  } catch {
    return null;
  }
}

function wake(root: HTMLElement): void {
  const data = readData(root);
  const listEl = root.querySelector<HTMLOListElement>("[data-predict-list]");
  const result = root.querySelector<HTMLElement>("[data-predict-result]");
  const reveal = root.querySelector<HTMLDetailsElement>("[data-predict-reveal]");
  const check = root.querySelector<HTMLButtonElement>("[data-predict-check]");
  const timeInput = root.querySelector<HTMLInputElement>("[data-predict-time]");
  const help = root.querySelector<HTMLElement>(".predict-help");
  if (!data || !listEl || !result || !reveal || !check || !timeInput || !help || root.dataset.awake)
    return;
  root.dataset.awake = "true";

  const announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  announcer.setAttribute("aria-live", "polite");
  listEl.after(announcer);

  const clearMarks = () => {
    for (const li of list.items()) {
      delete li.dataset.verdict;
      const mark = li.querySelector("[data-mark]");
      if (mark) mark.textContent = "";
    }
  };
  const list = new ReorderList(listEl, {
    announcer,
    helpId: help.id,
    onChange: () => {
      if (root.dataset.checked) {
        clearMarks();
        result.textContent = "";
      }
    },
  });

  for (const el of root.querySelectorAll<HTMLElement>("[data-js-only]")) el.hidden = false;
  // The answer waits behind "Check my answer"; without this script it is one click away.
  reveal.hidden = true;
  reveal.open = false;

  check.addEventListener("click", () => {
    const texts = data.lines.map((l) => l.text);
    const answer = list.order().map((key) => texts[Number(key)] ?? "");
    const score = scorePrediction(
      texts,
      answer,
      parseSeconds(timeInput.value),
      lastLineTime(data.lines),
    );
    list.items().forEach((li, i) => {
      const right = score.lines[i]?.right ?? false;
      li.dataset.verdict = right ? "right" : "wrong";
      const mark = li.querySelector("[data-mark]");
      if (mark) mark.textContent = right ? "✓ right place" : "✗ wrong place";
    });
    result.replaceChildren(
      ...describeScore(score).map((sentence) => {
        const p = document.createElement("p");
        p.textContent = sentence;
        return p;
      }),
    );
    root.dataset.checked = "true";
    reveal.hidden = false;
    reveal.open = true;
  });
}

for (const root of document.querySelectorAll<HTMLElement>("section[data-predict]")) wake(root);
