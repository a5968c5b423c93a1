/**
 * Builds the runner page (build time, node only): the frame script inline, protected by a CSP
 * hash, and the worker's code as inert text that the frame turns into a blob Worker.
 * The CSP allows no network at all, and scripts only from that hash and from blobs (the
 * worker, and the reader's compiled module the worker imports), and WebAssembly (Pyodide).
 */
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import * as esbuild from "esbuild";

// Resolved from the project root: at build time this module runs from a bundled chunk in dist/.
const here = (file: string) => resolve("src/sandbox", file);

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [here(entry)],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    // Reader code reads class names (`e.constructor.name`, Python-style type names in errors).
    keepNames: true,
    write: false,
    legalComments: "none",
    charset: "utf8",
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}

export const RUNNER_CSP = (scriptHash: string) =>
  [
    "default-src 'none'",
    // 'wasm-unsafe-eval': Run Python compiles Pyodide's WebAssembly (it allows no JS eval).
    `script-src 'sha256-${scriptHash}' blob: 'wasm-unsafe-eval'`,
    "worker-src blob:",
    "connect-src 'none'",
    "img-src 'none'",
    "style-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

let cached: Promise<string> | null = null;

export function buildRunnerPage(): Promise<string> {
  cached ??= (async () => {
    const [frame, worker] = await Promise.all([bundle("./runner-frame.ts"), bundle("./worker.ts")]);
    const hash = createHash("sha256").update(frame).digest("base64");
    // Inert text inside <script type="text/plain">: only `</script` and `<!--` could end or bend
    // it, and in minified JS they can only occur in strings, regexes or templates, where `<\/`
    // and `<\!` read the same as `</` and `<!`.
    const workerText = worker.replaceAll("</script", "<\\/script").replaceAll("<!--", "<\\!--");
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${RUNNER_CSP(hash)}">
<title>asyncio, live: sandbox</title>
</head>
<body>
<script type="text/plain" id="worker-source">${workerText}</script>
<script>${frame}</script>
</body>
</html>
`;
  })();
  if (process.env.NODE_ENV === "development") {
    // In `astro dev` the sandbox sources change under us: rebuild every time.
    const page = cached;
    cached = null;
    return page;
  }
  return cached;
}
