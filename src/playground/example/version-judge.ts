/**
 * The contract between the verdict and the Python version switch (loaded only where an
 * example's versions differ): the switch judges a run against the version it shows, when that
 * version printed something else than the one the runtime follows.
 */
import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
import type { Tolerance } from "../verdict.ts";

export interface VersionJudge {
  /**
   * The verdict against the version shown, or null when it printed what the runtime's version
   * printed (`runtimeLines`): then the usual verdict stands.
   */
  judge(
    runtimeLines: readonly ParsedLine[],
    lines: readonly ParsedLine[],
    tolerance: Tolerance,
  ): { text: string; kind: "same" | "differs" } | null;
}
