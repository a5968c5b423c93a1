/**
 * Highlighted code without a DOM element per token.
 *
 * Shiki writes every token as a `<span>`: some 5,000 elements on a chapter, most of the page's
 * DOM, all of it before the reader does anything. This transformer keeps each block's code as
 * one text node and writes its colours beside it, on the `<code>`, as
 * `data-hl="<light>.<dark>:<start>+<length>,… …"` (hex colours without `#`, offsets in UTF-16
 * code units of the text). `src/scripts-client/code-colours.ts` paints them with the CSS Custom
 * Highlight API when a block comes near the viewport. Without that API (or without JavaScript)
 * the code reads in the block's own text colour, whole and selectable as before.
 *
 * One list of themes: the examples, the exercises and Markdown code blocks all use `CODE_THEMES`.
 */
import type { Element, ElementContent } from "hast";
import type { ShikiTransformer } from "shiki";

export const CODE_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

/** A `color:#…;--shiki-dark:#…` style as the key `light.dark` (lower-case hex, no `#`). */
export function colourKey(style: unknown): string | null {
  if (typeof style !== "string") return null;
  const light = /(?:^|;)\s*color:\s*#([0-9a-f]{3,8})/i.exec(style)?.[1];
  const dark = /--shiki-dark:\s*#([0-9a-f]{3,8})/i.exec(style)?.[1];
  return light && dark ? `${light}.${dark}`.toLowerCase() : null;
}

/** The code's text and its coloured runs, keyed by colour, from Shiki's lines and tokens. */
export function flatten(code: Element, base: string | null): { text: string; hl: string } {
  let text = "";
  const runs = new Map<string, [number, number][]>();
  const visit = (node: ElementContent, key: string | null): void => {
    if (node.type === "text") {
      const start = text.length;
      text += node.value;
      // Whitespace needs no colour, and the block's own colour is already the text's.
      if (key === null || key === base || !/\S/.test(node.value)) return;
      const list = runs.get(key) ?? [];
      const last = list.at(-1);
      if (last && last[0] + last[1] === start) last[1] += node.value.length;
      else list.push([start, node.value.length]);
      runs.set(key, list);
    } else if (node.type === "element") {
      const own = colourKey(node.properties["style"]) ?? key;
      for (const child of node.children) visit(child, own);
    }
  };
  for (const child of code.children) visit(child, base);
  const hl = [...runs]
    .map(([key, list]) => `${key}:${list.map(([s, n]) => `${s}+${n}`).join(",")}`)
    .join(" ");
  return { text, hl };
}

/** A colour pair (hex without `#`) and its runs, `[start, length]` in UTF-16 code units. */
export interface ColourRuns {
  light: string;
  dark: string;
  runs: [number, number][];
}

/** Reads a `data-hl` value back (what `flatten` wrote), for the checks that read built pages. */
export function colourRuns(hl: string): ColourRuns[] {
  return hl
    .split(" ")
    .filter(Boolean)
    .map((group) => {
      const [key = "", list = ""] = group.split(":");
      const [light = "", dark = ""] = key.split(".");
      const runs = list.split(",").map((run): [number, number] => {
        const [start = 0, length = 0] = run.split("+").map(Number);
        return [start, length];
      });
      return { light, dark, runs };
    });
}

export function flatCode(): ShikiTransformer {
  return {
    name: "flat-code",
    pre(pre) {
      const code = pre.children.find(
        (c): c is Element => c.type === "element" && c.tagName === "code",
      );
      if (!code) return;
      const { text, hl } = flatten(code, colourKey(pre.properties["style"]));
      code.children = [{ type: "text", value: text }];
      if (hl) code.properties["dataHl"] = hl;
    },
  };
}
