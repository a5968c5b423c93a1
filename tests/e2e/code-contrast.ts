/**
 * The contrast of highlighted code, computed from the built HTML instead of measured by axe.
 *
 * Each block's background and text colour are on its `<pre>` (`background-color:#ffffff;
 * --shiki-dark-bg:#0d1117;color:…;--shiki-dark:…`), and its tokens' colours beside its code as
 * `data-hl="<light>.<dark>:<runs> …"` (src/lib/flat-code.ts), which the page paints with
 * exactly those colours (src/scripts-client/code-colours.ts; dark mode takes the second). So
 * every token's contrast, in both schemes, is a function of the HTML alone: axe cannot see the
 * colours of CSS highlights, and this checks all of them on every page.
 */

import { colourRuns } from "../../src/lib/flat-code.ts";

/** A token whose colour is too faint for its block's background. */
export interface FaintToken {
  scheme: "light" | "dark";
  colour: string;
  background: string;
  ratio: number;
}

/** WCAG 2's minimum for normal-size text (code is never "large" text). */
export const MIN_CONTRAST = 4.5;

/** [r, g, b, a] in 0..1 from #rgb, #rrggbb or #rrggbbaa. */
function parseHex(hex: string): [number, number, number, number] {
  let h = hex.replace(/^#/, "");
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(h)) throw new Error(`not a hex colour: ${hex}`);
  const n = (i: number) => Number.parseInt(h.slice(i, i + 2), 16) / 255;
  return [n(0), n(2), n(4), h.length === 8 ? n(6) : 1];
}

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

/** WCAG contrast ratio of a (possibly translucent) text colour over an opaque background. */
export function contrast(text: string, background: string): number {
  const [r, g, b, a] = parseHex(text);
  const bg = parseHex(background);
  const over = [r, g, b].map((c, i) => c * a + (bg[i] ?? 0) * (1 - a));
  const [l1, l2] = [luminance(over), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** One highlighted block's colours as the HTML states them. */
export interface CodeBlockColours {
  background: { light: string; dark: string };
  /** The block's own text colour and every token's, per scheme. */
  colours: { light: string; dark: string }[];
  /** How many coloured runs of text the block has. */
  runs: number;
}

/** Every Shiki block of a page, with its background and all its text colours. */
export function codeBlocks(html: string): CodeBlockColours[] {
  const blocks: CodeBlockColours[] = [];
  for (const m of html.matchAll(
    /<pre class="astro-code[^"]*" style="([^"]*)"[^>]*>([\s\S]*?)<\/pre>/g,
  )) {
    const style = styleOf(m[1] ?? "");
    const light = style.get("background-color");
    const dark = style.get("--shiki-dark-bg");
    if (!light || !dark) throw new Error(`a code block without both backgrounds: ${m[1]}`);
    const colours = [textColours(style)];
    let runs = 0;
    const hl = /<code[^>]* data-hl="([^"]*)"/.exec(m[2] ?? "")?.[1] ?? "";
    for (const c of colourRuns(hl)) {
      if (!c.light || !c.dark) throw new Error(`a colour run without both colours in ${hl}`);
      colours.push({ light: `#${c.light}`, dark: `#${c.dark}` });
      runs += c.runs.length;
    }
    blocks.push({ background: { light, dark }, colours, runs });
  }
  return blocks;
}

/** The tokens of `html` below MIN_CONTRAST, each colour pair once. */
export function faintTokens(html: string): FaintToken[] {
  const faint = new Map<string, FaintToken>();
  for (const block of codeBlocks(html))
    for (const c of block.colours)
      for (const scheme of ["light", "dark"] as const) {
        const ratio = contrast(c[scheme], block.background[scheme]);
        if (ratio < MIN_CONTRAST)
          faint.set(`${scheme} ${c[scheme]} ${block.background[scheme]}`, {
            scheme,
            colour: c[scheme],
            background: block.background[scheme],
            ratio: Math.round(ratio * 100) / 100,
          });
      }
  return [...faint.values()];
}

function styleOf(style: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of style.split(";")) {
    const i = part.indexOf(":");
    if (i > 0) map.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim());
  }
  return map;
}

function textColours(style: Map<string, string>): { light: string; dark: string } {
  const light = style.get("color");
  const dark = style.get("--shiki-dark");
  if (!light || !dark) throw new Error("a code token without both colours");
  return { light, dark };
}
