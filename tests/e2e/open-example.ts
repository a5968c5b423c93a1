/**
 * An example opened as a reader would before running it at Instant: its chapter loaded, the
 * example scrolled into view and awake (its controls answer), the speed set to Instant.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export async function openAtInstant(
  page: Page,
  chapter: string,
  id: string,
): Promise<{ ex: Locator; output: Locator }> {
  await page.goto(chapter);
  return exampleAtInstant(page, id);
}

/** The same on the chapter the page already shows (a page shared by several tests). */
export async function exampleAtInstant(
  page: Page,
  id: string,
): Promise<{ ex: Locator; output: Locator }> {
  const ex = page.locator(`section[data-example="${id}"]`);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex).toHaveAttribute("data-awake", "true");
  await ex.getByLabel("Speed").selectOption("instant");
  return { ex, output: ex.getByRole("log", { name: "Output" }) };
}
