import * as asyncio from "asyncio";

async function producer(queue: asyncio.Queue<number>) {
  for (let n = 1; n < 7; n++) {
    await queue.put(n); // waits while the queue is full
    print(`put job ${n}, ${queue.qsize()} queued`);
  }
}

async function consumer(queue: asyncio.Queue<number>, name: string) {
  while (true) {
    const n = await queue.get(); // waits while the queue is empty
    try {
      await asyncio.sleep(1); // the work
      print(`${name} finished job ${n}`);
    } finally {
      queue.taskDone(); // one fewer unfinished job
    }
  }
}

async function main() {
  const queue = new asyncio.Queue<number>(2);
  const consumers = [1, 2].map((i) => asyncio.createTask(() => consumer(queue, `c${i}`)));
  await producer(queue);
  print("all jobs queued");
  await queue.join(); // until taskDone() was called for every job
  print("all jobs finished");
  for (const task of consumers) {
    task.cancel(); // they would wait for more forever
  }
}

asyncio.run(main);
