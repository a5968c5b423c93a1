/** Words for what the timeline draws: the hover/focus tooltip text for each kind of mark. */
import { formatTime } from "./axis.ts";
import type { Lane } from "./timeline-model.ts";

/** Describes the item a `data-tl` attribute names on `lane` (`wait:2`, `step:0`, `print:1`, `end`, …). */
export function describeItem(lane: Lane, item: string): string | null {
  const [kind, n] = item.split(":");
  const i = Number(n);
  const who = lane.label;
  switch (kind) {
    case "created":
      return `${who} created at ${formatTime(lane.created ?? lane.start)}${lane.parent === null ? "" : ` by Task-${lane.parent}`}`;
    case "wait": {
      const w = lane.waits[i];
      if (!w) return null;
      const until =
        w.end === null
          ? "still waiting"
          : `until ${formatTime(w.end)} (${formatTime(w.end - w.start)})`;
      return `${who} waited on ${w.on} from ${formatTime(w.start)}, ${until}`;
    }
    case "step": {
      const s = lane.steps[i];
      if (!s) return null;
      if (s.end === null) return `${who} running since ${formatTime(s.start)}`;
      if (s.end === s.start) return `${who} ran a step at ${formatTime(s.start)}`;
      return `${who} ran for ${formatTime(s.end - s.start)} from ${formatTime(s.start)}: the loop could run nothing else`;
    }
    case "print": {
      const p = lane.prints[i];
      return p ? `${who} printed at ${formatTime(p.t)}: ${p.text}` : null;
    }
    case "error": {
      const e = lane.errors[i];
      if (!e) return null;
      return `${e.kind === "exception" ? "Exception escaped run" : "Loop error"} at ${formatTime(e.t)}: ${e.text}`;
    }
    case "end": {
      const e = lane.end;
      if (!e) return null;
      if (e.kind === "done") return `${who} done at ${formatTime(e.t)}, returned ${e.detail}`;
      if (e.kind === "failed") return `${who} failed at ${formatTime(e.t)}: ${e.detail}`;
      return `${who} cancelled at ${formatTime(e.t)}${e.detail ? `: ${e.detail}` : ""}`;
    }
    default:
      return null;
  }
}
