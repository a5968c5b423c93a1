import * as asyncio from "asyncio";

const LOG = [
  ["INFO start", "WARN disk 80%", "ERROR disk full"],
  ["INFO retry", "ERROR write failed", "INFO ok"],
  ["INFO ok", "ERROR timeout", "INFO ok"],
  ["INFO ok", "INFO ok", "ERROR crash"],
];

// Reads the log one page at a time (a second per page) and yields its lines.
async function* logLines(): AsyncGenerator<string> {
  let pages = 0;
  try {
    for (const page of LOG) {
      await asyncio.sleep(1);
      pages += 1;
      yield* page;
    }
  } finally {
    print(`log closed after ${pages} of ${LOG.length} pages`);
  }
}

async function main(): Promise<void> {
  let errors = 0;
  for await (const line of logLines()) {
    if (!line.startsWith("ERROR")) continue;
    print(line);
    errors += 1;
    // Leaving the loop calls the generator's return(): its finally runs now,
    // and the pages after this one are never read.
    if (errors === 2) break;
  }
}

asyncio.run(main);
