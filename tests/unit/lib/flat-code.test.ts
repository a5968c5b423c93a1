import assert from "node:assert/strict";
import { test } from "node:test";
import { codeToHtml } from "shiki";
import { CODE_THEMES, colourKey, colourRuns, flatCode } from "../../../src/lib/flat-code.ts";

const CODE = 'async def main():\n    await asyncio.sleep(1)  # a comment\n    print("done")\n';

async function flat(code: string, lang: string): Promise<string> {
  return codeToHtml(code, {
    lang,
    themes: CODE_THEMES,
    defaultColor: "light",
    transformers: [flatCode()],
  });
}

/** The text of `<code>` and its colour runs, read back from the HTML. */
function parse(html: string): { text: string; runs: Map<string, string[]> } {
  const m = /<code([^>]*)>([\s\S]*)<\/code>/.exec(html);
  assert.ok(m, "a <code> element");
  assert.doesNotMatch(m[2] ?? "", /</, "no element inside the code: one text node");
  const text = (m[2] ?? "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&");
  const runs = new Map<string, string[]>();
  for (const c of colourRuns(/data-hl="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? ""))
    runs.set(
      `${c.light}.${c.dark}`,
      c.runs.map(([start, length]) => text.slice(start, start + length)),
    );
  return { text, runs };
}

test("the code is one text node, the same text Shiki highlighted", async () => {
  const { text } = parse(await flat(CODE, "python"));
  assert.equal(text, CODE);
});

test("each colour's runs cover exactly the tokens Shiki gave that colour", async () => {
  const plain = await codeToHtml(CODE, {
    lang: "python",
    themes: CODE_THEMES,
    defaultColor: "light",
  });
  const expected = new Map<string, string[]>();
  const base = colourKey(/<pre[^>]* style="([^"]*)"/.exec(plain)?.[1]);
  for (const m of plain.matchAll(/<span style="([^"]*)">([^<]*)<\/span>/g)) {
    const key = colourKey(m[1]);
    if (!key || key === base || !/\S/.test(m[2] ?? "")) continue;
    expected.set(key, [...(expected.get(key) ?? []), (m[2] ?? "").replaceAll("&quot;", '"')]);
  }
  const { runs } = parse(await flat(CODE, "python"));
  // Adjacent tokens of one colour become one run, so compare the text they cover.
  for (const [key, words] of expected) assert.equal(runs.get(key)?.join(""), words.join(""), key);
  assert.deepEqual([...runs.keys()].sort(), [...expected.keys()].sort());
  assert.ok(runs.size >= 3, "keywords, strings and comments have colours of their own");
});

test("a colour key holds the light and the dark colour", () => {
  assert.equal(colourKey("color:#CF222E;--shiki-dark:#FF7B72"), "cf222e.ff7b72");
  assert.equal(colourKey("font-style:italic"), null);
  assert.equal(colourKey(undefined), null);
});
