import * as asyncio from "asyncio";

const PAGES = [
  ["ant", "bee"],
  ["cat", "dog"],
  ["eel", "fox"],
  ["gnu", "hen"],
];

/** Yields animals one by one; fetches the next page only when asked for more. */
async function* fetchAnimals() {
  let pages = 0;
  try {
    for (const page of PAGES) {
      await asyncio.sleep(1); // one request per page
      pages += 1;
      print(`fetched page ${pages}`);
      for (const animal of page) {
        yield animal;
      }
    }
  } finally {
    print(`pager closed after ${pages} of ${PAGES.length} pages`);
  }
}

async function main() {
  // No aclosing needed: leaving a for await loop early calls the generator's
  // return() at once, and its finally block runs before the loop is left.
  for await (const animal of fetchAnimals()) {
    print(`checking ${animal}`);
    await asyncio.sleep(0.5); // checking takes a while
    if (animal.startsWith("d")) {
      print(`found ${animal}`);
      break;
    }
  }
  print("search over");
}

asyncio.run(main);
