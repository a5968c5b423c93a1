import { readdirSync } from "node:fs";
import { sep } from "node:path";

/** Every .html file under dist/ (the e2e build), relative to it, with `/` separators, sorted. */
export function builtPages(): string[] {
  return (readdirSync("dist", { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.split(sep).join("/"))
    .sort();
}
