import { type CollectionEntry, getCollection } from "astro:content";

export type Chapter = CollectionEntry<"chapters">;

/** All chapters in reading order. */
export async function chaptersInOrder(): Promise<Chapter[]> {
  const all = await getCollection("chapters");
  return all.sort((a: Chapter, b: Chapter) => a.data.number - b.data.number);
}
