/**
 * The built site served by `astro preview` for a bench run: built first unless `--no-build` is
 * given, answered once `url` loads, and stopped (its whole process group) by `stop()`.
 */
import { execSync, spawn } from "node:child_process";

export interface PreviewServer {
  stop(): void;
}

/** Builds (unless `--no-build`), starts `astro preview` on `port`, and waits until `url` answers. */
export async function startPreview(port: number, url: string): Promise<PreviewServer> {
  if (!process.argv.includes("--no-build")) execSync("npm run build", { stdio: "inherit" });
  const child = spawn("npx", ["astro", "preview", "--port", String(port), "--host", "127.0.0.1"], {
    stdio: "ignore",
    detached: true,
  });
  const server = {
    stop() {
      try {
        if (child.pid) process.kill(-child.pid);
      } catch {
        // Already gone.
      }
    },
  };
  // A build on a busy machine leaves preview slow to start: up to a minute.
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  server.stop();
  throw new Error(`server at ${url} did not start`);
}
