import * as aiofiles from "aiofiles";
import * as asyncio from "asyncio";

async function writeNotes(path: string, lines: string[]) {
  {
    await using f = await aiofiles.open(path, "w");
    for (const line of lines) {
      await f.write(`${line}\n`);
    }
  }
  print(`wrote ${path}`);
}

async function readFile(path: string) {
  let contents: string;
  {
    await using f = await aiofiles.open(path, "r");
    contents = (await f.read()) as string;
  }
  print(`${path}: ${asyncio.pyRepr(contents.split("\n").slice(0, -1))}`);
}

async function main() {
  await asyncio.gather(
    () => writeNotes("a.txt", ["one", "two"]),
    () => writeNotes("b.txt", ["three"]),
  );
  await asyncio.gather(
    () => readFile("a.txt"),
    () => readFile("b.txt"),
  );
  try {
    await readFile("missing.txt");
  } catch (e) {
    if (!(e instanceof aiofiles.FileNotFoundError)) throw e;
    print(e.message);
  }
}

asyncio.run(main);
