import { readdirSync, readFileSync } from "node:fs";

export interface ChapterInfo {
  id: string;
  title: string;
  number: number;
  file: string;
}

/** The chapters as the site should list them, read from the MDX sources themselves. */
export function chapterInfos(): ChapterInfo[] {
  const dir = "content/chapters";
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => {
      const text = readFileSync(`${dir}/${f}`, "utf8");
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
      const field = (name: string) =>
        new RegExp(`^${name}:\\s*(.*)$`, "m").exec(front)?.[1]?.trim() ?? "";
      return {
        id: f.replace(/\.mdx$/, "").replace(/^\d+-/, ""),
        title: field("title").replace(/^["']|["']$/g, ""),
        number: Number(field("number")),
        file: `${dir}/${f}`,
      };
    })
    .sort((a, b) => a.number - b.number);
}
