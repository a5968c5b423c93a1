/** Where each exercise's `check.ts` comes from: one lazy chunk per exercise, built by Vite. */
import type { CheckModule } from "./check-types.ts";

const modules = import.meta.glob<CheckModule>("/content/exercises/*/check.ts");

/** The loader of exercise `id`'s check, or null when it has none. */
export function checkLoader(id: string): (() => Promise<CheckModule>) | null {
  return modules[`/content/exercises/${id}/check.ts`] ?? null;
}
