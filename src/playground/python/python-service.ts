/**
 * Python for the whole page, loaded on the first Run Python (this module itself is loaded
 * only then): fetches Pyodide once (`python-loader.ts`) and hands it to the page's sandbox,
 * which boots it in a worker of its own. Every example's Run Python waits on the same load.
 */
import { askToKeep } from "../../offline/keep-message.ts";
import type { RunnerPort } from "../example/runner-port.ts";
import { t } from "../strings.ts";
import {
  fetchManifest,
  type LoadProgress,
  loadPythonRuntime,
  pythonFileUrls,
  pythonIsKept,
} from "./python-loader.ts";

const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
let loading: Promise<void> | null = null;
const watchers = new Set<(text: string) => void>();

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0);
}

/**
 * Makes sure the sandbox has Python (downloading it the first time); `say` is told the
 * loading message and its progress until then.
 * @example
 * await ensurePython(runner, (text) => (notice.textContent = text));
 */
export function ensurePython(runner: RunnerPort, say: (text: string) => void): Promise<void> {
  watchers.add(say);
  loading ??= (async () => {
    const manifest = fetchManifest(base);
    const tell = (p: LoadProgress) => {
      const text = t("python.loading", {
        mb: megabytes(p.total),
        percent: Math.floor((100 * p.loaded) / p.total),
      });
      for (const watcher of watchers) watcher(text);
    };
    const [runtime, { python }] = await Promise.all([
      loadPythonRuntime(base, manifest, tell),
      manifest,
    ]);
    await runner.post({ channel: "*", kind: "python-runtime", runtime });
    document.documentElement.dataset["pythonVersion"] = python;
    // Fetched before the service worker controlled this page, they were not kept for later pages.
    askToKeep(pythonFileUrls(base));
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading.finally(() => {
    watchers.delete(say);
    say("");
  });
}

/**
 * Starts Python before Run Python is pressed, when the reader points at it or focuses it and
 * this site's service worker keeps every file already (the reader ran Python on an earlier
 * page): nothing is downloaded, and the interpreter boots while the hand is on its way, as the
 * TypeScript side loads its program when the pointer nears an example. A reader who never ran
 * Python gets nothing from this until the press.
 * @example
 * button.addEventListener("pointerenter", () => void warmPython(runner));
 */
export async function warmPython(runner: RunnerPort): Promise<void> {
  if (loading || !(await pythonIsKept(base))) return;
  await ensurePython(runner, () => {}).catch(() => {}); // the press says why, if it fails again
}
