/** Every file under a build's output folder (absolute paths), for the build steps that read it. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}
