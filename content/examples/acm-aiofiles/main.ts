import * as asyncio from "asyncio";

// --- a stand-in for Python's aiofiles package ----------------------------------
// The disk is simulated with asyncio.sleep; the real aiofiles runs each
// blocking call (open, read, close) in a thread.
const DISK: Record<string, string> = {
  "example.txt": "Hello from example.txt",
  "notes.txt": "buy milk",
};

class AsyncFile implements AsyncDisposable {
  path: string;
  constructor(path: string) {
    this.path = path;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await asyncio.sleep(0.05); // close() in a worker thread
    print(`closed ${this.path}`);
  }

  async read(): Promise<string> {
    await asyncio.sleep(0.2); // read() in a worker thread
    return DISK[this.path]!;
  }
}

async function aiofilesOpen(path: string, _mode = "r"): Promise<AsyncFile> {
  await asyncio.sleep(0.05); // open() in a worker thread
  return new AsyncFile(path);
}

// --- the program -----------------------------------------------------------------
async function readFile(filePath: string) {
  await using file = await aiofilesOpen(filePath, "r");
  const contents = await file.read();
  print(contents);
}

async function main() {
  await asyncio.gather(
    () => readFile("example.txt"),
    () => readFile("notes.txt"),
  );
}

asyncio.run(main);
