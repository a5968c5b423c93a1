/**
 * The reader's `os` (src/runtime/asyncio/os.ts) for the repository's type check of the examples'
 * `main.ts`: there @types/node's ambient module `"os"` hides it (tsconfig's `paths` cannot
 * override an ambient module), so its functions are added to that module here. The editor has
 * no Node types and gets the reader's module itself (scripts/emit-asyncio-dts.ts).
 */
import type * as ReaderOs from "../runtime/asyncio/os.ts";

declare module "os" {
  export const killpg: typeof ReaderOs.killpg;
  export const getpgid: typeof ReaderOs.getpgid;
  export const getpgrp: typeof ReaderOs.getpgrp;
}
