/**
 * Python for the whole page, loaded on the first Run Python (this module itself is loaded
 * only then): fetches Pyodide once (`python-loader.ts`) and hands it to the page's sandbox,
 * which boots it in a worker of its own. Every example's Run Python waits on the same load.
 */
import type { RunnerPort } from "../example/runner-port.ts";
import { t } from "../strings.ts";
import { fetchManifest, type LoadProgress, loadPythonRuntime } from "./python-loader.ts";

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
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading.finally(() => {
    watchers.delete(say);
    say("");
  });
}
