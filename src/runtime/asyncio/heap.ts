/**
 * CPython's `heapq`, line for line. The loop's timers live in one, as in CPython; the order
 * between equal deadlines comes from the comparison (`timerLess`: creation order), which the
 * recorder gives CPython's loop too.
 */
export type Less<T> = (a: T, b: T) => boolean;

function siftdown<T>(heap: T[], startpos: number, pos: number, less: Less<T>): void {
  const newitem = heap[pos]!;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos]!;
    if (less(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

function siftup<T>(heap: T[], pos: number, less: Less<T>): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos]!;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !less(heap[childpos]!, heap[rightpos]!)) childpos = rightpos;
    heap[pos] = heap[childpos]!;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos, less);
}

/** `heapq.heappush`. */
export function heappush<T>(heap: T[], item: T, less: Less<T>): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1, less);
}

/** `heapq.heappop` (the heap must not be empty). */
export function heappop<T>(heap: T[], less: Less<T>): T {
  const last = heap.pop()!;
  if (heap.length > 0) {
    const first = heap[0]!;
    heap[0] = last;
    siftup(heap, 0, less);
    return first;
  }
  return last;
}

/** `heapq.heapify`. */
export function heapify<T>(heap: T[], less: Less<T>): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(heap, i, less);
}
