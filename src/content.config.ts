import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/** `content/chapters/03-tasks.mdx` → id `tasks`; the number orders chapters, it is not in URLs. */
function chapterId({ entry }: { entry: string }): string {
  return entry.replace(/\.mdx?$/, "").replace(/^\d+-/, "");
}

const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/chapters", generateId: chapterId }),
  schema: z.object({
    title: z.string(),
    /** Position in the reading order: 1, 2, 3, … */
    number: z.number().int().positive(),
    /** One line for the landing page and the sidebar's tooltip. */
    summary: z.string(),
  }),
});

export const collections = { chapters };
