/**
 * The verdict against a Python version whose recording is not python.out (3.11's): loaded only
 * when a run that followed such a version ends. The run followed that version's semantics, so
 * it is compared with that version's recording like any other.
 */
import { parseTranscript } from "../../runtime/asyncio/transcript.ts";
import { t } from "../strings.ts";
import { compareTranscripts } from "../verdict.ts";
import type { ExampleData } from "./example-services.ts";
import { sameText, uncheckedNote } from "./verdict-view.ts";
import type { VersionJudge } from "./version-judge.ts";

/**
 * Judges runs against the recording of `version`, one of `data.otherVersions`.
 * @example
 * versionJudge(data, "3.13").judge(run.lines, 0, run.python);
 */
export function versionJudge(
  data: Pick<ExampleData, "otherVersions">,
  version: string,
): VersionJudge {
  return {
    judge(lines, tolerance, followed) {
      const out = data.otherVersions?.[version];
      if (out === undefined) return null;
      const v = compareTranscripts(parseTranscript(out), lines, tolerance);
      if (v.same) return { text: sameText(v.drift), kind: "same" };
      const nothing = t("verdict.nothing-more");
      const differs = t("verdict.differs-version", {
        version,
        line: v.line,
        expected: v.expected ?? nothing,
        actual: v.actual ?? nothing,
      });
      return { text: differs + uncheckedNote(followed), kind: "differs" };
    },
  };
}
