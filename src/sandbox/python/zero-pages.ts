/**
 * The interpreter snapshot's container: its 64 KiB pages that are all zeros are left out. Half
 * of the 31 MB snapshot is such pages (memory Python reserved and never wrote); gzip squeezes
 * them to almost nothing, but inflating still writes every byte of them, on the Python
 * worker's thread before it can start: left out, the worker inflates half as much, and a
 * fresh zero-filled buffer stands for them.
 *
 * Layout (little-endian): "ALZ1", the snapshot's length, the page size, the page count, one
 * byte per page (1 kept, 0 zeros), then the kept pages in order (the last may be short).
 */
const MAGIC = [0x41, 0x4c, 0x5a, 0x31]; // "ALZ1"
const PAGE = 65536;
const HEADER = 16;

function isZero(page: Uint8Array): boolean {
  // Eight bytes at a time where the page is aligned (the last, short page need not be).
  if (page.byteOffset % 8 === 0 && page.byteLength % 8 === 0) {
    const words = new BigUint64Array(page.buffer, page.byteOffset, page.byteLength / 8);
    for (const word of words) if (word !== 0n) return false;
    return true;
  }
  for (const byte of page) if (byte !== 0) return false;
  return true;
}

/**
 * `raw` without its all-zero pages (build time).
 * @example
 * const packed = dropZeroPages(snapshot); // then gzipped and served
 */
export function dropZeroPages(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const count = Math.ceil(raw.byteLength / PAGE);
  const kept: Uint8Array[] = [];
  const map = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const page = raw.subarray(i * PAGE, (i + 1) * PAGE);
    if (isZero(page)) continue;
    map[i] = 1;
    kept.push(page);
  }
  const size = kept.reduce((n, page) => n + page.byteLength, HEADER + count);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(4, raw.byteLength, true);
  view.setUint32(8, PAGE, true);
  view.setUint32(12, count, true);
  out.set(map, HEADER);
  let at = HEADER + count;
  for (const page of kept) {
    out.set(page, at);
    at += page.byteLength;
  }
  return out;
}

interface Packed {
  /** The length of the snapshot it stands for. */
  length: number;
  /** Calls `each(offset, bytes)` for every page kept, in order (the zero pages are left out). */
  forEachKept(each: (offset: number, bytes: Uint8Array) => void): void;
}

/** Reads a packed snapshot's header, checked, and walks its kept pages. */
function unpack(packed: Uint8Array): Packed {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.byteLength < HEADER || MAGIC.some((b, i) => packed[i] !== b))
    throw new Error("not a snapshot without zero pages (ALZ1)");
  const length = view.getUint32(4, true);
  const page = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  if (page === 0 || count !== Math.ceil(length / page) || packed.byteLength < HEADER + count)
    throw new Error("a damaged snapshot header");
  return {
    length,
    forEachKept(each) {
      let at = HEADER + count;
      for (let i = 0; i < count; i++) {
        if (packed[HEADER + i] === 0) continue;
        const size = Math.min(page, length - i * page);
        if (at + size > packed.byteLength) throw new Error("a truncated snapshot");
        each(i * page, packed.subarray(at, at + size));
        at += size;
      }
      if (at !== packed.byteLength) throw new Error("a snapshot with bytes to spare");
    },
  };
}

/** The length of the snapshot `packed` stands for. */
export function packedLength(packed: Uint8Array): number {
  return unpack(packed).length;
}

/**
 * Bytes `[from, to)` of the snapshot `packed` stands for, written into `target` at
 * `targetOffset`: only the kept pages are written, so `target` must hold zeros where the zero
 * pages go (a fresh WebAssembly memory does). The Python worker restores the interpreter's
 * heap this way, straight from the packed form: making the whole snapshot first, then copying
 * it into the heap, wrote its 31 MB twice, half of them zeros.
 * @example
 * restoreZeroPagesInto(packed, new Uint8Array(memory.buffer), 0, heapStart, packedLength(packed));
 */
export function restoreZeroPagesInto(
  packed: Uint8Array,
  target: Uint8Array,
  targetOffset: number,
  from: number,
  to: number,
): void {
  unpack(packed).forEachKept((offset, bytes) => {
    const start = Math.max(offset, from);
    const end = Math.min(offset + bytes.byteLength, to);
    if (start < end)
      target.set(bytes.subarray(start - offset, end - offset), targetOffset + start - from);
  });
}

/**
 * The snapshot `dropZeroPages` packed, whole again.
 * @example
 * const snapshot = restoreZeroPages(await inflate(blob));
 */
export function restoreZeroPages(packed: Uint8Array): Uint8Array<ArrayBuffer> {
  const { length } = unpack(packed);
  const out = new Uint8Array(length);
  restoreZeroPagesInto(packed, out, 0, 0, length);
  return out;
}
