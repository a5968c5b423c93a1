/**
 * The verdict against a Python version whose recording is not the runtime's (3.11): loaded
 * only when a run ends while the panel shows such a version.
 */
import { parseTranscript } from "../../runtime/asyncio/transcript.ts";
import { RUNTIME_PYTHON } from "../../shared/python-versions.ts";
import { t } from "../strings.ts";
import { compareTranscripts } from "../verdict.ts";
import type { ExampleData } from "./example-services.ts";
import { sameText } from "./verdict-view.ts";
import type { VersionJudge } from "./version-judge.ts";

/**
 * Judges runs against the version `shownVersion()` names, where its recording is not the
 * runtime's; says which version the runtime follows rather than claim a match.
 * @example
 * versionJudge(data, () => "3.13").judge(parseTranscript(data.pythonOut), run.lines, 0);
 */
export function versionJudge(
  data: Pick<ExampleData, "otherVersions">,
  shownVersion: () => string,
): VersionJudge {
  return {
    judge(runtimeLines, lines, tolerance) {
      const version = shownVersion();
      const out = data.otherVersions?.[version];
      if (out === undefined) return null;
      const v = compareTranscripts(parseTranscript(out), lines, tolerance);
      if (v.same) return { text: sameText(v.drift), kind: "same" };
      const nothing = t("verdict.nothing-more");
      const params = { version, runtime: RUNTIME_PYTHON };
      const followed = compareTranscripts(runtimeLines, lines, tolerance).same;
      const differs = t("verdict.differs-version", {
        ...params,
        line: v.line,
        expected: v.expected ?? nothing,
        actual: v.actual ?? nothing,
      });
      const why = t(followed ? "verdict.runtime-follows-same" : "verdict.runtime-follows", params);
      return { text: `${differs} ${why}`, kind: "differs" };
    },
  };
}
