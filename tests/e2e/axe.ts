/**
 * axe-core, run in the page itself. `AxeBuilder` (@axe-core/playwright) injects axe into every
 * frame on each `analyze()` and finishes the results in a new blank page it opens for that;
 * measured on the coroutines chapter (load ~15 on 2 cores): 11 s for every rule in light and
 * 4 s for the two colour rules in dark, against 0.8 s and 1.3 s run here, with the same rules
 * and the same results (54 rules passed). The same axe-core (the one @axe-core/playwright
 * depends on) is injected once per document.
 *
 * Frames are not entered (`iframes: false`): the only frame these pages make is the sandbox's
 * runner, an empty document that holds scripts; the `<iframe>` element itself, its title
 * included, is checked in the page like any other element.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, Result } from "axe-core";

const fromAxePlaywright = createRequire(
  createRequire(import.meta.url).resolve("@axe-core/playwright"),
);
const AXE_SOURCE = readFileSync(fromAxePlaywright.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeOptions {
  /** A CSS selector: only this part of the page (default: the whole document). */
  include?: string;
  /** Only these rules (default: every rule axe runs by default). */
  rules?: readonly string[];
}

/** Runs axe on the page as it is now; only violations are collected (passes are counted). */
export async function axe(page: Page, options: AxeOptions = {}): Promise<AxeResults> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    ({ include, rules }) => {
      const run = (window as unknown as { axe: typeof import("axe-core") }).axe.run;
      return run(include ?? document, {
        resultTypes: ["violations"],
        iframes: false,
        ...(rules ? { runOnly: { type: "rule", values: [...rules] } } : {}),
      });
    },
    { include: options.include, rules: options.rules },
  );
}

/** One line per violation: the rule, what it asks and where. */
export function summary(violations: readonly Result[]): string[] {
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}
