import type { APIRoute } from "astro";
import { buildPythonWorker } from "../../sandbox/python/build-python-worker.ts";

/** The Python worker's code, fetched by the page on the first Run Python (never before). */
export const GET: APIRoute = async () =>
  new Response(await buildPythonWorker(), {
    headers: { "Content-Type": "text/javascript; charset=utf-8" },
  });
