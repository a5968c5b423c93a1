/**
 * Compiles reader source as the site's build does (the page's esbuild options), in node. All
 * calls in a process share one esbuild service, so compiling many programs at once costs one
 * service start, not one per program.
 */
import * as esbuild from "esbuild";
import { readerBuildOptions } from "../../src/shared/compile-options.ts";
import { markTaskCreations } from "../../src/shared/task-marks.ts";

/** The compiled ES module's code. Throws esbuild's error when the source does not compile. */
export async function compileReader(source: string): Promise<string> {
  const built = await esbuild.build(readerBuildOptions(source));
  return markTaskCreations(built.outputFiles[0]?.text ?? "");
}
