/**
 * The version switch of the "CPython printed" panel, where versions printed different things:
 * it shows the chosen version's recording (the markup holds one list per version, the newest
 * shown), keeps the reader's choice for the whole site and tells the page's other examples.
 * Kept small: it runs on every page with such an example; the verdict against another version
 * is `version-verdict.ts`, loaded when needed.
 */
import { PYTHON_VERSION_EVENT, PYTHON_VERSION_STORAGE_KEY } from "../../shared/python-versions.ts";
import { DRAWN_EVENT } from "../drawn-near.ts";

/**
 * The version the reader chose for the whole site, or null (the newest recorded is the default).
 * @example
 * storedPythonVersion(); // "3.12" once chosen in any example's switch
 */
export function storedPythonVersion(): string | null {
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
 * Wires the switch in `section`, if it has one (null if not); returns the version shown.
 * @example
 * const shown = initPythonVersionSwitch(section); // shown?.() === "3.13" by default
 */
export function initPythonVersionSwitch(section: HTMLElement): (() => string) | null {
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
  const chosen = storedPythonVersion();
  if (chosen) show(chosen);
  // The recorded lists are drawn when they come near (drawn-near.ts): show the choice then.
  section.addEventListener(DRAWN_EVENT, () => show(select.value));
  select.addEventListener("change", () => {
    store(select.value);
    document.dispatchEvent(new CustomEvent(PYTHON_VERSION_EVENT, { detail: select.value }));
  });
  document.addEventListener(PYTHON_VERSION_EVENT, (e) => {
    const version = (e as CustomEvent<unknown>).detail;
    if (typeof version === "string") show(version);
  });
  select.closest("label")?.removeAttribute("hidden");
  return () => select.value;
}
