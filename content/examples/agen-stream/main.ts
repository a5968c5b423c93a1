import * as asyncio from "asyncio";

// A stand-in for the network: status, body size in bytes, seconds per chunk.
const SERVER: Record<string, [number, number, number]> = {
  "https://httpbin.org/json": [200, 2500, 0.3],
  "https://httpbin.org/uuid": [200, 1100, 0.5],
  "https://httpbin.org/missing": [404, 0, 0.0],
};

/** Like aiohttp's response: a status, and a body that arrives chunk by chunk. */
class Response {
  status: number;
  size: number;
  delay: number;

  constructor(url: string) {
    [this.status, this.size, this.delay] = SERVER[url]!;
  }

  async *iterChunked(n: number) {
    let sent = 0;
    while (sent < this.size) {
      // Waiting for the next packets.
      await asyncio.sleep(this.delay);
      const chunk = new Uint8Array(Math.min(n, this.size - sent));
      sent += chunk.length;
      yield chunk;
    }
  }
}

async function get(url: string): Promise<Response> {
  // Request sent, status line and headers back.
  await asyncio.sleep(0.1);
  return new Response(url);
}

async function downloadFile(url: string, filename: string): Promise<boolean> {
  const response = await get(url);
  if (response.status !== 200) {
    print(`Failed to download ${url}: Status ${response.status}`);
    return false;
  }
  let size = 0;
  for await (const chunk of response.iterChunked(1024)) {
    // The real program writes the chunk to the file here.
    size += chunk.length;
    print(`${filename}: ${size} bytes`);
  }
  print(`Downloaded: ${filename}`);
  return true;
}

async function downloadMultipleFiles() {
  const filesToDownload = [
    ["https://httpbin.org/json", "downloads/data.json"],
    ["https://httpbin.org/uuid", "downloads/uuid.txt"],
    ["https://httpbin.org/missing", "downloads/missing.txt"],
  ] as const;
  const results = await asyncio.gather(
    ...filesToDownload.map(
      ([url, filename]) =>
        () =>
          downloadFile(url, filename),
    ),
  );
  const ok = results.filter(Boolean).length;
  print(`Successfully downloaded ${ok} out of ${results.length} files`);
}

asyncio.run(downloadMultipleFiles);
