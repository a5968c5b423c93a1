/**
 * The chapters' budgets (bytes and counts: budgets.ts) are checked on each chapter's page load
 * in a11y.spec.ts, before axe runs there. Here: the pattern of what only Edit may load does
 * catch what Edit loads, so its absence before Edit means something.
 */
import { expect, test } from "@playwright/test";
import { EDIT_ONLY } from "./budgets.ts";
import { chapterInfos } from "./chapters.ts";

test("the edit-only pattern catches what Edit loads (so its absence above means something)", async ({
  page,
}) => {
  await page.goto(`chapters/${chapterInfos()[0]?.id}/`);
  const edit = page.locator("section[data-example]").first().getByRole("button", { name: "Edit" });
  const requested = page.waitForRequest((req) => EDIT_ONLY.test(req.url()));
  await edit.click();
  expect((await requested).url()).toMatch(EDIT_ONLY);
});
