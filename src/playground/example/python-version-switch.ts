/**
 * The version switch of the "CPython printed" panel, where versions printed different things:
 * it shows the chosen version's recording (the markup holds one list per version, the newest
 * shown), keeps the reader's choice for the whole site and tells the page's other examples.
 */
import { parseTranscript } from "../../runtime/asyncio/transcript.ts";
import {
  PYTHON_VERSION_EVENT,
  PYTHON_VERSION_STORAGE_KEY,
  RUNTIME_PYTHON,
} from "../../shared/python-versions.ts";
import { t } from "../strings.ts";
import { compareTranscripts } from "../verdict.ts";
import type { ExampleData } from "./example-services.ts";
import { sameText } from "./verdict-view.ts";
import type { VersionJudge } from "./version-judge.ts";

function stored(): string | null {
  try {
    return localStorage.getItem(PYTHON_VERSION_STORAGE_KEY);
  } catch {
    return null; // storage refused (privacy settings): the default stands
  }
}

function store(version: string): void {
  try {
    localStorage.setItem(PYTHON_VERSION_STORAGE_KEY, version);
  } catch {
    // not remembered, still shown
  }
}

/**
 * Wires the switch in `section`, if it has one (null if not); it judges runs against the
 * version shown where that version printed something else than the runtime's (3.11).
 * @example
 * const versions = initPythonVersionSwitch(section, data); // the select now follows the reader
 */
export function initPythonVersionSwitch(
  section: HTMLElement,
  data: ExampleData,
): VersionJudge | null {
  const select = section.querySelector<HTMLSelectElement>("select[data-py-version]");
  if (!select) return null;
  const show = (version: string) => {
    if (![...select.options].some((o) => o.value === version)) return;
    select.value = version;
    for (const list of section.querySelectorAll<HTMLElement>("[data-py-version-of]"))
      list.hidden = list.dataset["pyVersionOf"] !== version;
    const label = section.querySelector("[data-py-version-label]");
    if (label) label.textContent = version;
  };
  const chosen = stored();
  if (chosen) show(chosen);
  select.addEventListener("change", () => {
    store(select.value);
    document.dispatchEvent(new CustomEvent(PYTHON_VERSION_EVENT, { detail: select.value }));
  });
  document.addEventListener(PYTHON_VERSION_EVENT, (e) => {
    const version = (e as CustomEvent<unknown>).detail;
    if (typeof version === "string") show(version);
  });
  select.closest("label")?.removeAttribute("hidden");
  return versionJudge(data, () => select.value);
}

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
