/**
 * The contract between the verdict and the judge of a version other than python.out's (loaded
 * only where an example's versions differ): the run is compared with that version's recording.
 */
import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
import type { Tolerance } from "../verdict.ts";

export interface VersionJudge {
  /**
   * The verdict on `lines` against the version's recording, or null when it has none.
   * `followed`: the version the TypeScript runtime followed (absent for a run of Python itself).
   */
  judge(
    lines: readonly ParsedLine[],
    tolerance: Tolerance,
    followed?: string,
  ): { text: string; kind: "same" | "differs" } | null;
}
