import type { APIRoute } from "astro";
import { buildRunnerPage } from "../../sandbox/build-runner.ts";

/** The sandbox runner page, loaded by every example in an opaque-origin iframe. */
export const GET: APIRoute = async () =>
  new Response(await buildRunnerPage(), {
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
