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
  const lines: string[] = [];
  for await (const line of logLines()) {
    lines.push(line);
  }
  for (const line of lines.filter((l) => l.startsWith("ERROR")).slice(0, 2)) {
    print(line);
  }
}

asyncio.run(main);
