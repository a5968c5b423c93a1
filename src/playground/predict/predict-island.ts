/**
 * The page script for "Predict the output": makes the shuffled lines reorderable, and on
 * "Check my answer" marks each line (in words, not colour alone) and says how the order and
 * the time guess did. The answer (the real transcript with the explanation, and the example's
 * own recorded output and timeline) is shown when the reader is right, after one retry with a
 * hint, or on "Show me the answer" (`attempt.ts` has the rules).
 */

import { t } from "../strings.ts";
import { lastLineTime, type PredictData } from "./predict-data.ts";
import { ReorderList } from "./reorder-list.ts";

/** The grading, loaded on the first "Check my answer": reading a chapter does not need it. */
function grading() {
  return Promise.all([import("./score.ts"), import("./attempt.ts")]);
}

function readData(root: HTMLElement): PredictData | null {
  try {
    return JSON.parse(
      root.querySelector("script[data-predict-data]")?.textContent ?? "",
    ) as PredictData;
  } catch {
    return null;
  }
}

/**
 * The Predict's data for the version the reader chose: as built (the newest recorded), or,
 * where that version printed something else, its lines (which the page holds hidden) and answer.
 * The choice is read from the example's version switch (which shows the reader's kept choice).
 */
function chosenVersion(root: HTMLElement, data: PredictData, example: HTMLElement | null) {
  const chosen = example?.querySelector<HTMLSelectElement>("select[data-py-version]")?.value;
  const other = chosen === undefined ? undefined : data.versions?.[chosen];
  if (other === undefined) return data;
  for (const el of root.querySelectorAll<HTMLElement>("[data-predict-list-of]")) {
    const shown = el.dataset.predictListOf === chosen;
    el.hidden = !shown;
    el.toggleAttribute("data-predict-list", shown);
  }
  // The answer's transcripts may not be drawn yet: the Predict's style shows the chosen one.
  root.dataset.predictChosen = chosen;
  return { ...data, ...other };
}

function wake(root: HTMLElement): void {
  const built = readData(root);
  if (!built || root.dataset.awake) return;
  const example = document.querySelector<HTMLElement>(
    `section[data-example="${CSS.escape(built.id)}"]`,
  );
  const data = chosenVersion(root, built, example);
  const listEl = root.querySelector<HTMLOListElement>("[data-predict-list]");
  const result = root.querySelector<HTMLElement>("[data-predict-result]");
  const reveal = root.querySelector<HTMLDetailsElement>("[data-predict-reveal]");
  const check = root.querySelector<HTMLButtonElement>("[data-predict-check]");
  const timeInput = root.querySelector<HTMLInputElement>("[data-predict-time]");
  const help = root.querySelector<HTMLElement>(".predict-help");
  const hint = root.querySelector<HTMLElement>("[data-predict-hint]");
  const giveUp = root.querySelector<HTMLButtonElement>("[data-predict-give-up]");
  if (!listEl || !result || !reveal || !check || !timeInput || !help || !hint || !giveUp) return;
  root.dataset.awake = "true";
  const note = example ? pendingNote(example) : null;
  let touched = false;
  let tries = 0;
  const touch = () => {
    touched = true;
    check.removeAttribute("aria-disabled");
  };
  const showAnswer = () => {
    root.dataset.answerSeen = "true";
    if (example) example.dataset.answerSeen = "true";
    note?.remove();
    hint.textContent = "";
    giveUp.hidden = true;
    reveal.open = true;
  };
  note?.querySelector("button")?.addEventListener("click", showAnswer);
  giveUp.addEventListener("click", () => {
    showAnswer();
    reveal.querySelector("summary")?.focus();
  });

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
      touch();
      if (root.dataset.checked) {
        clearMarks();
        result.textContent = "";
      }
    },
  });

  for (const el of root.querySelectorAll<HTMLElement>("[data-js-only]")) el.hidden = false;
  reveal.open = false;
  timeInput.addEventListener("input", () => {
    if (timeInput.value.trim() !== "") touch();
  });

  check.addEventListener("click", async () => {
    const [{ describeScore, parseSeconds, scorePrediction }, { attemptOutcome }] = await grading();
    const texts = data.lines.map((l) => l.text);
    const answer = list.order().map((key) => texts[Number(key)] ?? "");
    const score = scorePrediction(
      texts,
      answer,
      parseSeconds(timeInput.value),
      lastLineTime(data.lines),
    );
    const outcome = attemptOutcome(touched, score, texts, tries);
    if (outcome.kind === "empty") {
      result.replaceChildren(paragraph(t("predict.empty")));
      return;
    }
    list.items().forEach((li, i) => {
      const right = score.lines[i]?.right ?? false;
      li.dataset.verdict = right ? "right" : "wrong";
      const mark = li.querySelector("[data-mark]");
      if (mark) mark.textContent = right ? "✓ right place" : "✗ wrong place";
    });
    result.replaceChildren(...describeScore(score).map(paragraph));
    root.dataset.checked = "true";
    if (outcome.kind === "retry") {
      tries += 1;
      hint.textContent = `${outcome.hint} ${t("predict.retry")}`;
      check.textContent = t("predict.check-again");
    } else showAnswer();
  });
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

/** Says, where the example's recorded output would be, why it is not there yet. */
function pendingNote(example: HTMLElement): HTMLElement | null {
  const output = example.querySelector(".py-output");
  if (!output) return null;
  const note = document.createElement("p");
  note.className = "predict-pending-note";
  note.dataset["predictNote"] = "";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = t("predict.show");
  note.append(t("predict.hidden"), button);
  output.before(note);
  return note;
}

for (const root of document.querySelectorAll<HTMLElement>("section[data-predict]")) wake(root);
