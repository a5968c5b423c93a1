/**
 * The landing page's progress: how many chapters, Predicts and exercises are done (of the ids
 * the build lists in `data-ids`), ticks on the chapter cards, and the record's Export (a JSON
 * file), Import (adds a file's record to this one) and Reset.
 */
import { tickChaptersRead } from "./progress.ts";
import { type Progress, type ProgressKind, ProgressStore } from "./progress-store.ts";

type Ids = Record<ProgressKind, string[]>;

export function initProgressPanel(): void {
  const panel = document.querySelector<HTMLElement>("[data-progress-panel]");
  if (!panel) return;
  const store = ProgressStore.local();
  const ids = JSON.parse(panel.dataset["ids"] ?? "{}") as Ids;
  const status = panel.querySelector<HTMLElement>("[data-progress-status]");
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  const show = () => {
    const progress: Progress = store.load();
    for (const kind of Object.keys(ids) as ProgressKind[]) {
      const all = ids[kind] ?? [];
      const done = all.filter((id) => progress[kind][id]).length;
      const bar = panel.querySelector<HTMLProgressElement>(`[data-progress-bar="${kind}"]`);
      const count = panel.querySelector<HTMLElement>(`[data-progress-count="${kind}"]`);
      if (bar) {
        bar.max = Math.max(1, all.length);
        bar.value = done;
      }
      if (count) count.textContent = `${done} of ${all.length}`;
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>(".chapter-cards a[data-read]")) {
      delete a.dataset["read"];
      a.querySelector(".visually-hidden")?.remove();
    }
    tickChaptersRead(document.querySelectorAll(".chapter-cards a[href]"));
  };

  panel.querySelector("[data-progress-export]")?.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([store.exportText()], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "asyncio-live-progress.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    say("Your progress was saved to a file.");
  });
  const file = panel.querySelector<HTMLInputElement>("[data-progress-import]");
  file?.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    file.value = "";
    if (!chosen) return;
    const ok = chosen.size < 1_000_000 && store.importText(await chosen.text());
    say(ok ? "Progress imported." : "That file is not a progress file from this site.");
    show();
  });
  panel.querySelector("[data-progress-reset]")?.addEventListener("click", () => {
    if (!confirm("Forget what you have read, answered and solved, in this browser?")) return;
    store.reset();
    say("Progress reset.");
    show();
  });
  show();
  panel.hidden = false;
}
